import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';

// The sign-in limit per account name (migration 008): at most `max` wrong passwords for one
// name in `minutes`, from whatever addresses, so a password cannot be guessed by spreading
// the guesses over many machines. Each attempt is written down before its password is
// checked (hashing takes a while, and guesses made at once must not all slip under the
// limit), counted as a failure unless the password was right. Over the limit, even the
// right password is refused, with the time to wait.

export interface GuessLimit {
  /** wrong passwords allowed per account name in the window (TOW_SIGNIN_ACCOUNT_RATE) */
  max: number;
  /** the window, in minutes (TOW_SIGNIN_ACCOUNT_MINUTES) */
  minutes: number;
}

export class AccountGuesses {
  constructor(
    private readonly db: Database,
    private readonly limit: GuessLimit,
  ) {}

  /**
   * Writes down an attempt for `name` and returns its id, or refuses with `rate_limited`
   * and the minutes to wait when the name has had its wrong passwords for now.
   */
  async begin(name: string): Promise<string> {
    const id = randomUUID();
    const window = this.limit.minutes * 60;
    const taken = await this.db.query(
      `INSERT INTO signin_failures (id, name)
       SELECT $1, $2 WHERE (SELECT count(*) FROM signin_failures
                            WHERE name = $2 AND at > now() - make_interval(secs => $3)) < $4
       RETURNING id`,
      [id, name, window, this.limit.max],
    );
    if (taken.length > 0) return id;
    // the account opens again when the max-th latest failure leaves the window
    const [row] = await this.db.query<{ wait: number }>(
      `SELECT extract(epoch FROM at + make_interval(secs => $2) - now())::float8 AS wait
       FROM signin_failures WHERE name = $1 ORDER BY at DESC OFFSET $3 - 1 LIMIT 1`,
      [name, window, this.limit.max],
    );
    const minutes = Math.max(1, Math.ceil((row?.wait ?? window) / 60));
    throw new RoomError(
      'rate_limited',
      `too many wrong passwords for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    );
  }

  /** The password was right: the name's failures are forgiven. */
  async succeeded(name: string): Promise<void> {
    await this.db.query('DELETE FROM signin_failures WHERE name = $1', [name]);
  }

  /** Failures older than the window count for nothing any more: cleared now and then. */
  async sweep(): Promise<void> {
    await this.db.query(
      'DELETE FROM signin_failures WHERE at <= now() - make_interval(secs => $1)',
      [this.limit.minutes * 60],
    );
  }
}
