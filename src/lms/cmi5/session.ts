import type { LmsSession, RecordedResult } from '../session.ts';
import type { LaunchParams } from './launch.ts';
import { type LaunchData, readLaunchData, records } from './launch-data.ts';
import { type Fetch, fetchAuthToken, type Lrs, LrsError, lrsClient } from './lrs.ts';
import {
  type Outbox,
  type OutboxEntry,
  PROGRESS_STATE,
  type ProgressDoc,
  type SessionMemo,
} from './outbox.ts';
import { type Cmi5Event, statementOf, type Verb } from './statements.ts';

// One cmi5 AU session behind the same LmsSession interface as SCORM's, so attach.ts (the
// market, the grade, the keep-first/best rule, the suspend data) is the one piece of code
// both formats run. What differs is here: every report becomes a queued cmi5 statement or
// a State API write, sent in order, retried while the LRS is down, and kept on the device
// until it is taken. The cmi5 rules are kept on our side too: initialized first, terminated
// last, one completed and one passed per registration, one of passed/failed per session,
// nothing but initialized and terminated in a Browse or Review launch.

export const LAUNCH_DATA = 'LMS.LaunchData';

export interface Cmi5Deps {
  fetch: Fetch;
  now(): number;
  newId(): string;
  /** tells the learner (through the game's notices) */
  tell(tone: 'info' | 'warning' | 'error', text: string): void;
  /** keeps what one launch did across a reload of the page */
  remember(memo: SessionMemo): void;
  /** schedules a retry; returns a function that cancels it */
  later(ms: number, run: () => void): () => void;
}

/** What connect.ts found out before the game started (token and launch data may be missing). */
export interface Cmi5Link {
  launch: LaunchParams;
  token: string | null;
  data: LaunchData | null;
  doc: ProgressDoc;
  memo: SessionMemo;
}

const OUTAGE = (why: string) =>
  `Your learning system cannot be reached just now (${why}). Your progress and result are kept on this device and sent as soon as it answers; keep playing.`;
const RECOVERED =
  'Your learning system answers again: everything kept on this device has been sent.';
const NOT_RECORDED =
  'This course was opened to browse or review: play freely, nothing is recorded in your learning system.';

export class Cmi5Session implements LmsSession {
  readonly problems: string[] = [];
  finished = false;
  private lrs: Lrs | null = null;
  private flushing: Promise<void> | null = null;
  private retryDelay = 1000;
  private cancelRetry: (() => void) | null = null;
  private outage = false;
  /** the token or the launch data was refused: nothing can be sent in this launch */
  private dead = false;
  private closing: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: Cmi5Link,
    private readonly outbox: Outbox,
    private readonly deps: Cmi5Deps,
  ) {
    if (link.token) this.lrs = lrsClient(deps.fetch, link.launch, link.token);
    if (link.data && !records(link.data)) deps.tell('info', NOT_RECORDED);
    const carried = this.takeEarlierLaunches();
    if (!link.memo.verbs.includes('initialized')) this.queue('initialized');
    for (const entry of carried) this.carry(entry);
    void this.flush();
  }

  /**
   * Takes out what an earlier launch left unsent (the browser was closed while the LRS was
   * down). Its session is over (the LMS abandons it), so its statements cannot go as they
   * were; its result is reported again in this session instead, after initialized.
   */
  private takeEarlierLaunches(): OutboxEntry[] {
    const { kept } = this.outbox;
    const here = this.link.launch.fetchUrl;
    const earlier = kept.entries.filter((e) => e.launch !== here);
    kept.entries = kept.entries.filter((e) => e.launch === here);
    return earlier.filter((e) => ['completed', 'passed', 'failed'].includes(e.event.verb));
  }

  private carry(entry: OutboxEntry): void {
    const { verb } = entry.event;
    const sent = this.link.memo.verbs;
    if (
      sent.includes(verb) ||
      (verb !== 'completed' && (sent.includes('passed') || sent.includes('failed')))
    )
      return;
    sent.push(verb);
    this.deps.remember(this.link.memo);
    this.outbox.kept.entries.push({
      // its time is now: cmi5 orders a session's statements by timestamp, initialized first
      event: { ...entry.event, at: this.deps.now() },
      template: this.link.data?.contextTemplate ?? null,
      launch: this.link.launch.fetchUrl,
    });
    this.outbox.save();
  }

  /** the LMS's launch data, once read */
  get launchData(): LaunchData | null {
    return this.link.data;
  }

  learnerId(): string | null {
    return this.link.launch.actor.account.name.trim() || null;
  }

  learnerName(): string | null {
    return this.link.launch.actor.name ?? null;
  }

  resume(): string | null {
    return this.link.doc.resumable ? this.link.doc.progress : null;
  }

  recorded(): RecordedResult | null {
    return this.link.doc.held;
  }

  saveProgress(suspendData: string): boolean {
    if (this.finished) return false;
    const doc = this.link.doc;
    doc.progress = suspendData;
    // while no result is reported, the next launch must offer to resume this game
    if (doc.held === null) doc.resumable = true;
    this.keepDoc();
    return true;
  }

  complete(score: number, passed: boolean): boolean {
    if (this.finished) return false;
    const data = this.link.data;
    if (data && !records(data)) return false;
    const doc = this.link.doc;
    const sent = this.link.memo.verbs;
    if (doc.passed || sent.includes('passed') || sent.includes('failed')) {
      this.problems.push(
        doc.passed
          ? 'your learning system already has a pass: cmi5 takes one per enrolment'
          : 'cmi5 takes one result per launch: reopen the course to report this game',
      );
      return false;
    }
    const scaled = Math.max(0, Math.min(100, Math.round(score))) / 100;
    if (!doc.completed) this.queue('completed');
    this.queue(passed ? 'passed' : 'failed', scaled);
    doc.completed = true;
    doc.passed = passed;
    doc.held = { score: Math.round(scaled * 100), passed };
    doc.resumable = false;
    this.keepDoc();
    return true;
  }

  finish(): void {
    if (this.finished) return;
    this.queue('terminated');
    this.finished = true;
    this.cancelRetry?.();
    // the page is going away: everything left goes out at once, with keepalive
    this.closing = this.flush(true);
  }

  /** Resolves once what finish() sent has been answered (or has failed). */
  closed(): Promise<void> {
    return this.closing;
  }

  /** Resolves when the current attempt to send what is kept has ended (sent or not). */
  drain(): Promise<void> {
    return this.flush();
  }

  /** how many statements wait on this device */
  get waiting(): number {
    return this.outbox.kept.entries.length;
  }

  private queue(verb: Verb, scaled?: number): void {
    const at = this.deps.now();
    const event: Cmi5Event = { id: this.deps.newId(), verb, at };
    if (verb === 'initialized') this.link.memo.started = at;
    else event.durationMs = at - this.link.memo.started;
    if (scaled !== undefined) {
      event.scaled = scaled;
      const mastery = this.link.data?.masteryScore;
      if (mastery !== undefined) event.masteryScore = mastery;
    }
    this.link.memo.verbs.push(verb);
    this.deps.remember(this.link.memo);
    this.outbox.kept.entries.push({
      event,
      template: this.link.data?.contextTemplate ?? null,
      launch: this.link.launch.fetchUrl,
    });
    this.outbox.save();
    void this.flush();
  }

  private keepDoc(): void {
    this.outbox.kept.state = { ...this.link.doc };
    this.outbox.save();
    void this.flush();
  }

  private flush(leaving = false): Promise<void> {
    if (this.dead) return Promise.resolve();
    if (this.flushing && !leaving) return this.flushing;
    let sent = false;
    const run = (leaving ? this.sendAll() : this.sendInOrder()).then(
      () => {
        sent = true;
        this.retryDelay = 1000;
        if (this.outage) {
          this.outage = false;
          this.deps.tell('info', RECOVERED);
        }
      },
      (err: unknown) => this.failed(err),
    );
    const done = run.finally(() => {
      if (this.flushing === done) this.flushing = null;
      // what was queued while the last request was under way goes next
      const { kept } = this.outbox;
      if (sent && !leaving && (kept.entries.length > 0 || kept.state !== null)) void this.flush();
    });
    this.flushing = done;
    return done;
  }

  /** The token and the launch data, asked for again when the start could not get them. */
  private async ready(): Promise<Lrs> {
    try {
      return await this.connect();
    } catch (err) {
      if (err instanceof LrsError && !err.retry) this.dead = true;
      throw err;
    }
  }

  private async connect(): Promise<Lrs> {
    if (!this.lrs) {
      const token = await fetchAuthToken(this.deps.fetch, this.link.launch.fetchUrl);
      this.link.memo.token = token;
      this.deps.remember(this.link.memo);
      this.lrs = lrsClient(this.deps.fetch, this.link.launch, token);
    }
    if (!this.link.data) {
      const read = readLaunchData(await this.lrs.getState(LAUNCH_DATA));
      if (!read.ok) throw new LrsError(read.error, false);
      this.link.data = read.data;
      if (!records(read.data)) this.deps.tell('info', NOT_RECORDED);
    }
    return this.lrs;
  }

  /** The statements one by one, oldest first (so a refused one is the only one lost), then the document. */
  private async sendInOrder(): Promise<void> {
    const lrs = await this.ready();
    const { kept } = this.outbox;
    while (kept.entries.length > 0) {
      const entry = kept.entries[0]!;
      const statement = this.build(entry);
      try {
        if (statement) await lrs.postStatements([statement]);
      } catch (err) {
        if (err instanceof LrsError && err.retry) throw err;
        this.refused(err);
      }
      kept.entries.shift();
      this.outbox.save();
    }
    await this.sendDoc(lrs, false);
  }

  /** On leaving: every statement in one request and the document beside it, with keepalive. */
  private async sendAll(): Promise<void> {
    const lrs = await this.ready();
    const { kept } = this.outbox;
    const entries = kept.entries.slice();
    const statements = entries.map((e) => this.build(e)).filter((s) => s !== null);
    await Promise.all([
      statements.length > 0
        ? lrs.postStatements(statements, true).then(() => {
            kept.entries.splice(0, entries.length);
            this.outbox.save();
          })
        : Promise.resolve(),
      this.sendDoc(lrs, true),
    ]);
  }

  private async sendDoc(lrs: Lrs, keepalive: boolean): Promise<void> {
    const doc = this.outbox.kept.state;
    if (!doc) return;
    try {
      await lrs.putState(PROGRESS_STATE, doc, keepalive);
    } catch (err) {
      if (err instanceof LrsError && err.retry) throw err;
      this.refused(err);
    }
    if (this.outbox.kept.state === doc) {
      this.outbox.kept.state = null;
      this.outbox.save();
    }
  }

  /** The statement for a kept event; null for a result a Browse or Review launch must not send. */
  private build(entry: OutboxEntry) {
    const data = this.link.data!;
    const { verb } = entry.event;
    if (verb !== 'initialized' && verb !== 'terminated' && !records(data)) return null;
    return statementOf(entry.event, this.link.launch, entry.template ?? data.contextTemplate);
  }

  private refused(err: unknown): void {
    const why = err instanceof Error ? err.message : String(err);
    this.deps.tell(
      'warning',
      `Your learning system refused a report (${why}). Your game is kept on this device; your result code at the end carries your result.`,
    );
  }

  private failed(err: unknown): void {
    if (err instanceof LrsError && !err.retry) {
      // a refused token or launch data: nothing will ever be taken in this launch
      this.refused(err);
      return;
    }
    const why = err instanceof LrsError ? err.plain : 'no answer';
    if (err instanceof Error) console.warn(err.message);
    if (!this.outage) {
      this.outage = true;
      this.deps.tell('warning', OUTAGE(why));
    }
    if (this.finished) return;
    this.cancelRetry?.();
    this.cancelRetry = this.deps.later(this.retryDelay, () => void this.flush());
    this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
  }
}
