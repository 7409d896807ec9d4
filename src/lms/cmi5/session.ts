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
/**
 * cmi5 9.3.8: a session ends at terminated, and the LMS takes nothing after it. The page
 * sends terminated whenever it goes away (it cannot tell a reload from a close), so a page
 * reloaded, or brought back, in the same launch can no longer report: said at once, before
 * the learner plays on, with what to do. Its progress is still kept (State API and this
 * device), so the next launch resumes the game and reports it.
 */
export const LAUNCH_ENDED =
  'This launch of the course has ended (its page was reloaded or reopened), so your learning system records no result from it. Close this window and open the course again from your learning system: your game continues there where you left it, and your result is recorded. If you play on here first, your game is kept on this device and its result is sent from that next launch.';
const REFUSED =
  'Your learning system did not take one of the reports of your game. Your game is kept on this device; your result code at the end carries your result.';
const NOT_RECORDED =
  'This course was opened to browse or review: play freely, nothing is recorded in your learning system.';

export class Cmi5Session implements LmsSession {
  readonly problems: string[] = [];
  finished = false;
  /** this launch's session was terminated before this page: progress only, no statements */
  ended: boolean;
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
    this.ended = link.memo.verbs.includes('terminated');
    if (this.ended) {
      deps.tell('error', LAUNCH_ENDED);
      // what the ended page left unsent (its terminated too) still goes; an earlier
      // launch's result waits on this device for the next launch, which can report it
      void this.flush();
      return;
    }
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
    if (this.finished || this.ended) return false;
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
    // an ended session was terminated already: only its progress goes
    if (!this.ended) this.queue('terminated');
    this.finished = true;
    this.cancelRetry?.();
    // the page is going away: everything left goes out at once, with keepalive
    this.closing = this.flush(true);
  }

  /**
   * The page came back from the browser's back-forward cache after finish() terminated
   * its session: it goes on as an ended session (progress kept, the learner told).
   */
  reopened(): void {
    if (!this.finished) return;
    this.finished = false;
    if (this.ended) return;
    this.ended = true;
    this.deps.tell('error', LAUNCH_ENDED);
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

  /** The learner is told in plain words; what the LRS said (its status, its text) goes to the console. */
  private refused(err: unknown): void {
    console.warn(err instanceof Error ? err.message : String(err));
    this.deps.tell('warning', REFUSED);
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
