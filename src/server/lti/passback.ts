import type { Database } from '../db/database.ts';
import { SCORE_SCOPE } from './claims.ts';
import { accessToken, failureWords, PlatformRefused, post } from './platform-calls.ts';
import type { ToolKey } from './tool-key.ts';

// Grades back to the platform (LTI Assignment and Grade Services 2.0, Score publish service).
// Every finished attempt of a learner who came through a platform gets a row in
// lti_passbacks; this loop sends what is due: a token from the platform's token endpoint
// (platform-calls.ts), then the learner's best fair score so far to the line item's /scores.
// A refusal or a platform that cannot be reached is recorded and tried again later, with a
// growing wait, up to MAX_TRIES; HR sees the outcome on the instructor's page. Nothing is
// kept only in memory: a restart, or another process, carries on from the table.

export const MAX_TRIES = 8;
const FIRST_WAIT_SECONDS = 30;

interface Due {
  trainee_id: string;
  number: number;
  tries: number;
  sub: string;
  lineitem_url: string;
  client_id: string;
  token_url: string;
  can_score: boolean;
  best: number;
  attempts_used: number;
  attempts_allowed: number;
  passed: boolean;
}

/** rows for finished attempts not yet queued (the attempt's transaction knows nothing of LTI) */
const QUEUE_SQL = `INSERT INTO lti_passbacks (trainee_id, number)
  SELECT a.trainee_id, a.number FROM attempts a JOIN lti_learners l ON l.trainee_id = a.trainee_id
  WHERE a.finished_at IS NOT NULL AND a.void_reason IS NULL
  ON CONFLICT DO NOTHING`;

/** claims what is due: each row is leased for two minutes, so two processes never send it twice */
const CLAIM_SQL = `UPDATE lti_passbacks p SET tries = p.tries + 1,
    next_try_at = now() + interval '2 minutes'
  FROM lti_learners l, lti_platforms f
  WHERE l.trainee_id = p.trainee_id AND f.id = l.platform_id
    AND (p.trainee_id, p.number) IN (
      SELECT trainee_id, number FROM lti_passbacks
      WHERE status = 'pending' AND next_try_at <= now()
      ORDER BY next_try_at LIMIT 20 FOR UPDATE SKIP LOCKED)
  RETURNING p.trainee_id, p.number, p.tries, l.sub, l.lineitem_url, l.can_score,
    f.client_id, f.token_url,
    (SELECT max(fair_score) FROM attempts WHERE trainee_id = p.trainee_id) AS best,
    (SELECT count(*)::int FROM attempts WHERE trainee_id = p.trainee_id AND void_reason IS NULL) AS attempts_used,
    (SELECT t.attempts FROM assignments t JOIN trainees r ON r.assignment_id = t.id
      WHERE r.id = p.trainee_id) AS attempts_allowed,
    (SELECT coalesce(bool_or(passed), false) FROM attempts WHERE trainee_id = p.trainee_id) AS passed`;

export class Passback {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly toolKey: ToolKey,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Sends what is due now (an attempt just finished). One round at a time: a nudge during a
   * round runs another right after it, so a grade that finished meanwhile does not wait.
   */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((err: Error) => console.error(`LTI grade passback: ${err.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Resolves when no round is under way or asked for. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One round: queue newly finished attempts, send every due grade. Tests await it. */
  async round(): Promise<void> {
    await this.db.query(QUEUE_SQL);
    const due = await this.db.query<Due>(CLAIM_SQL);
    for (const d of due) await this.send(d);
  }

  private async send(d: Due): Promise<void> {
    try {
      if (!d.lineitem_url || !d.can_score)
        throw new PlatformRefused(
          'the platform did not give this link a gradebook column with permission to send scores',
        );
      const token = await accessToken(this.toolKey, d, SCORE_SCOPE);
      const line = new URL(d.lineitem_url);
      line.pathname = `${line.pathname.replace(/\/$/, '')}/scores`;
      await post(
        line.href,
        JSON.stringify({
          userId: d.sub,
          scoreGiven: d.best,
          scoreMaximum: 100,
          comment: `Best fair score of ${d.attempts_used} attempt${d.attempts_used === 1 ? '' : 's'} (${d.attempts_allowed} allowed); ${d.passed ? 'passed' : 'not passed'}.`,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          timestamp: new Date().toISOString(),
        }),
        {
          'content-type': 'application/vnd.ims.lis.v1.score+json',
          authorization: `Bearer ${token}`,
        },
      );
      await this.db.query(
        `UPDATE lti_passbacks SET status = 'sent', score_sent = $3, sent_at = now(), last_error = NULL
         WHERE trainee_id = $1 AND number = $2`,
        [d.trainee_id, d.number, d.best],
      );
    } catch (err) {
      const why = failureWords(err);
      const last = d.tries >= MAX_TRIES;
      await this.db.query(
        `UPDATE lti_passbacks SET status = $3, last_error = $4,
           next_try_at = now() + make_interval(secs => $5) WHERE trainee_id = $1 AND number = $2`,
        [
          d.trainee_id,
          d.number,
          last ? 'failed' : 'pending',
          why,
          FIRST_WAIT_SECONDS * 2 ** (d.tries - 1),
        ],
      );
    }
  }
}
