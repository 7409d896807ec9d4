import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account, SessionView } from '../../room/accounts.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { hashSecret, newSecret } from '../rooms/secrets.ts';
import { AccountGuesses, type GuessLimit } from './guesses.ts';
import { sameOrigin } from './origin.ts';
import { passwordMatches } from './password.ts';
import type { AccountEntry } from './settings.ts';

// Signed-in sessions: a random cookie (httpOnly, SameSite=Strict, Secure behind https) whose
// SHA-256 is kept in the database with its expiry, so a restart signs nobody out and a
// sign-out or the expiry ends it for good. The account's role is read from the settings on
// every request: an account removed from the environment, or given another role, is so at
// once.

export const SESSION_COOKIE = 'tow_session';

export interface SessionOptions {
  db: Database;
  accounts: readonly AccountEntry[];
  hours: number;
  /** TOW_PUBLIC_URL: the cookie is Secure when it is https, and requests must come from it */
  publicUrl: string | null;
  /** wrong passwords allowed per account name (guesses.ts) */
  guessLimit: GuessLimit;
}

/** Who a request acts as: a bearer secret, or (without one) the signed-in account. */
export interface Credentials {
  secret: string | null;
  account: Account | null;
}

export class Sessions {
  private readonly byName: Map<string, AccountEntry>;
  /** checked when the name is unknown, so a wrong name takes as long as a wrong password */
  private readonly decoy: AccountEntry['hash'] | null;
  private readonly guesses: AccountGuesses;

  constructor(private readonly o: SessionOptions) {
    this.byName = new Map(o.accounts.map((a) => [a.name, a]));
    const first = o.accounts[0];
    this.decoy = first ? { ...first.hash, salt: randomBytes(first.hash.salt.length) } : null;
    this.guesses = new AccountGuesses(o.db, o.guessLimit);
  }

  get enabled(): boolean {
    return this.byName.size > 0;
  }

  /** The session's cookie when the name and password are right; `unauthorized` otherwise. */
  async signIn(req: FastifyRequest, reply: FastifyReply, name: string, password: string) {
    this.refuseCrossSite(req);
    if (!this.enabled)
      throw new RoomError(
        'unauthorized',
        'signing in is off on this server: its admin sets TOW_ACCOUNTS (docs/server.md)',
      );
    await this.guesses.begin(name);
    const entry = this.byName.get(name);
    const hash = entry?.hash ?? this.decoy!;
    const right = await passwordMatches(password, hash);
    if (!entry || !right) throw new RoomError('unauthorized', 'wrong name or password');
    await this.guesses.succeeded(name);
    const token = newSecret();
    const [row] = await this.o.db.query<{ expires_at: Date }>(
      `INSERT INTO account_sessions (token_hash, name, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING expires_at`,
      [hashSecret(token), entry.name, this.o.hours * 3600],
    );
    // sessions past their expiry, and failures past the limit's window, are of no use to
    // anyone: cleared as others sign in
    await this.o.db.query('DELETE FROM account_sessions WHERE expires_at <= now()');
    await this.guesses.sweep();
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.o.publicUrl?.startsWith('https:') ?? false,
      maxAge: this.o.hours * 3600,
    });
    return view({ name: entry.name, role: entry.role }, row!.expires_at);
  }

  async signOut(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    this.refuseCrossSite(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token)
      await this.o.db.query('DELETE FROM account_sessions WHERE token_hash = $1', [
        hashSecret(token),
      ]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** Who is signed in on this request's browser, for the pages. */
  async current(req: FastifyRequest): Promise<SessionView> {
    const found = await this.lookUp(req);
    if (found) return view(found.account, found.expires);
    return this.enabled
      ? { account: null, expires: null }
      : { account: null, expires: null, signInOff: true };
  }

  /**
   * The signed-in account of a request, or null. A request that changes something on the
   * strength of the cookie must come from this server's own pages (its Origin), since a
   * browser sends the cookie with whatever another site makes it send.
   */
  async accountOf(req: FastifyRequest): Promise<Account | null> {
    const found = await this.lookUp(req);
    if (found && !['GET', 'HEAD'].includes(req.method)) this.refuseCrossSite(req);
    return found?.account ?? null;
  }

  /**
   * The signed-in account of a WebSocket upgrade. A page of another site can open a socket
   * to this server, with the cookie: only this server's own pages may speak for the account.
   */
  async accountOfSocket(req: FastifyRequest): Promise<Account | null> {
    const found = await this.lookUp(req);
    if (found) this.refuseCrossSite(req);
    return found?.account ?? null;
  }

  /** A bearer secret is judged alone (links already handed out work as before); else the cookie. */
  async credentialsOf(req: FastifyRequest, secret: string | null): Promise<Credentials> {
    if (secret !== null) return { secret, account: null };
    return { secret: null, account: await this.accountOf(req) };
  }

  private async lookUp(req: FastifyRequest) {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !this.enabled) return null;
    const [row] = await this.o.db.query<{ name: string; expires_at: Date }>(
      'SELECT name, expires_at FROM account_sessions WHERE token_hash = $1 AND expires_at > now()',
      [hashSecret(token)],
    );
    const entry = row ? this.byName.get(row.name) : undefined;
    if (!row || !entry) return null;
    return { account: { name: entry.name, role: entry.role }, expires: row.expires_at };
  }

  private refuseCrossSite(req: FastifyRequest): void {
    const verdict = sameOrigin(req, this.o.publicUrl);
    if (verdict !== true) throw new RoomError('forbidden', verdict);
  }
}

const view = (account: Account, expires: Date): SessionView => ({
  account,
  expires: expires.toISOString(),
});
