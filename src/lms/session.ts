import { type ApiHost, findApi, type Scorm12Api } from './api.ts';
import { SUSPEND_LIMIT } from './suspend.ts';
import { sessionTime } from './time.ts';

// One SCORM 1.2 session. Every call to the LMS is guarded: an LMS that refuses, fails or
// throws is noted in `problems` and the game goes on (its result is kept on the device
// and in the result code either way). Nothing here decides what to report: attach.ts does.

export interface LmsSession {
  /** cmi.core.student_id, or null when the LMS gives none */
  learnerId(): string | null;
  learnerName(): string | null;
  /** the suspend data of an earlier session, only when the LMS says this one resumes it */
  resume(): string | null;
  /** the result the LMS already holds for this learner (an earlier session's), or null */
  recorded(): RecordedResult | null;
  /** keeps progress (at most 4,096 characters) and commits; false when not kept */
  saveProgress(suspendData: string): boolean;
  /** score 0..100 and passed or failed by the pass mark; commits */
  complete(score: number, passed: boolean): boolean;
  /** session time, commit, LMSFinish; once (later calls do nothing) */
  finish(): void;
  readonly finished: boolean;
  /**
   * the LMS takes no result in this session, though progress is still kept (cmi5: the page
   * was reloaded after its session was terminated); the next launch reports the game
   */
  readonly ended?: boolean;
  /** what the LMS refused or failed, in words, newest last */
  readonly problems: readonly string[];
}

export interface RecordedResult {
  score: number | null;
  passed: boolean;
}

/** no API: not in an LMS; an error: an LMS is there but would not start the session */
export type Connection = { ok: true; lms: LmsSession } | { ok: false; error: string } | null;

const ok = (r: unknown) => r === true || r === 'true';

export function connectLms(win: ApiHost, now: () => number = () => Date.now()): Connection {
  const api = findApi(win);
  if (!api) return null;
  try {
    if (ok(api.LMSInitialize(''))) return { ok: true, lms: new Session(api, now) };
    return { ok: false, error: `it answered "false"${lastError(api)}` };
  } catch (err) {
    return { ok: false, error: `it failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** " (LMS error N: words)" for the LMS's last error, or "" when it reports none. */
function lastError(api: Scorm12Api): string {
  try {
    const code = String(api.LMSGetLastError());
    if (code !== '0' && code !== '') return ` (LMS error ${code}: ${api.LMSGetErrorString(code)})`;
  } catch {
    // an LMS that throws here too has told us all it will
  }
  return '';
}

class Session implements LmsSession {
  readonly problems: string[] = [];
  finished = false;
  private completed = false;
  private readonly started: number;
  /** passed or failed when an earlier session reported a result */
  private readonly priorStatus: 'passed' | 'failed' | null = null;

  constructor(
    private readonly api: Scorm12Api,
    private readonly now: () => number,
  ) {
    this.started = now();
    const status = this.get('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '' || status === null) {
      this.set('cmi.core.lesson_status', 'incomplete');
    } else if (status === 'passed' || status === 'failed' || status === 'completed') {
      // a learner reopening a finished package: do not turn a pass back into incomplete
      this.completed = true;
      if (status !== 'completed') this.priorStatus = status;
    }
  }

  private note(what: string): void {
    this.problems.push(`${what}${lastError(this.api)}`);
  }

  private get(key: string): string | null {
    if (this.finished) return null;
    try {
      const value = this.api.LMSGetValue(key);
      return typeof value === 'string' ? value : null;
    } catch {
      this.note(`reading ${key} failed`);
      return null;
    }
  }

  private set(key: string, value: string): boolean {
    if (this.finished) return false;
    try {
      if (ok(this.api.LMSSetValue(key, value))) return true;
      this.note(`the LMS refused ${key}`);
    } catch {
      this.note(`setting ${key} failed`);
    }
    return false;
  }

  private commit(): boolean {
    if (this.finished) return false;
    this.set('cmi.core.session_time', sessionTime(this.now() - this.started));
    try {
      if (ok(this.api.LMSCommit(''))) return true;
      this.note('the LMS did not save (commit failed)');
    } catch {
      this.note('saving to the LMS failed (commit threw)');
    }
    return false;
  }

  learnerId(): string | null {
    const id = this.get('cmi.core.student_id')?.trim();
    return id ? id : null;
  }

  learnerName(): string | null {
    const name = this.get('cmi.core.student_name');
    return name ? name : null;
  }

  resume(): string | null {
    // SCORM 1.2 keeps suspend_data after a finished session too; only "resume" means the
    // last session was left unfinished (exit=suspend). Reading it on a plain relaunch
    // replayed a finished game and reported it again.
    if (this.get('cmi.core.entry') !== 'resume') return null;
    const data = this.get('cmi.suspend_data');
    return data ? data : null;
  }

  recorded(): RecordedResult | null {
    if (!this.priorStatus) return null;
    const raw = Number.parseFloat(this.get('cmi.core.score.raw') ?? '');
    return { score: Number.isFinite(raw) ? raw : null, passed: this.priorStatus === 'passed' };
  }

  saveProgress(suspendData: string): boolean {
    if (suspendData.length > SUSPEND_LIMIT) {
      this.problems.push(
        `progress of ${suspendData.length} characters is over SCORM 1.2's ${SUSPEND_LIMIT}: not sent`,
      );
      return false;
    }
    const kept = this.set('cmi.suspend_data', suspendData);
    // while the game is unfinished the LMS must offer to resume it next time
    if (!this.completed) this.set('cmi.core.exit', 'suspend');
    return this.commit() && kept;
  }

  complete(score: number, passed: boolean): boolean {
    const raw = String(Math.max(0, Math.min(100, Math.round(score))));
    const steps = [
      this.set('cmi.core.score.min', '0'),
      this.set('cmi.core.score.max', '100'),
      this.set('cmi.core.score.raw', raw),
      this.set('cmi.core.lesson_status', passed ? 'passed' : 'failed'),
      this.set('cmi.core.exit', ''),
    ];
    this.completed = true;
    return this.commit() && steps.every(Boolean);
  }

  finish(): void {
    if (this.finished) return;
    this.commit();
    this.finished = true;
    try {
      if (!ok(this.api.LMSFinish(''))) this.note('the LMS did not close the session');
    } catch {
      this.note('closing the LMS session failed');
    }
  }
}
