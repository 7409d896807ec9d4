import type { RecordedResult } from '../session.ts';
import type { ContextTemplate } from './launch-data.ts';
import type { Cmi5Event, Verb } from './statements.ts';

// What the AU keeps on the device until the LRS has taken it: the statements not yet sent
// (each with the context of the session it belongs to) and the latest progress document.
// Kept in localStorage per registration, so a reload or a crash while the LRS is down
// loses nothing; a storage that refuses leaves it in memory only.

export interface KeptStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Our State API document (stateId PROGRESS_STATE): the game to resume and what was reported. */
export interface ProgressDoc {
  v: 1;
  /** the suspend data attach.ts writes (the same as SCORM's cmi.suspend_data) */
  progress: string | null;
  /** whether a relaunch resumes it: only while no result was reported, as SCORM's exit=suspend */
  resumable: boolean;
  held: RecordedResult | null;
  /** cmi5 9.3: one completed and one passed per registration */
  completed: boolean;
  passed: boolean;
}

export const PROGRESS_STATE = 'tug-of-war.progress';

export const emptyDoc = (): ProgressDoc => ({
  v: 1,
  progress: null,
  resumable: false,
  held: null,
  completed: false,
  passed: false,
});

export function readDoc(doc: unknown): ProgressDoc | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Partial<ProgressDoc>;
  if (d.v !== 1 || typeof d.resumable !== 'boolean') return null;
  const held =
    d.held && typeof d.held.passed === 'boolean'
      ? { passed: d.held.passed, score: typeof d.held.score === 'number' ? d.held.score : null }
      : null;
  return {
    v: 1,
    progress: typeof d.progress === 'string' ? d.progress : null,
    resumable: d.resumable,
    held,
    completed: d.completed === true,
    passed: d.passed === true,
  };
}

export interface OutboxEntry {
  event: Cmi5Event;
  /** the session's context template; null while the launch data could not be read */
  template: ContextTemplate | null;
  /** the launch it happened in (its fetch URL, one per launch) */
  launch: string;
}

export interface Kept {
  entries: OutboxEntry[];
  /** the progress document the LRS has not taken yet */
  state: ProgressDoc | null;
}

export class Outbox {
  readonly kept: Kept;

  constructor(
    private readonly store: KeptStore | null,
    private readonly key: string,
  ) {
    this.kept = this.load();
  }

  private load(): Kept {
    try {
      const raw = this.store?.getItem(this.key);
      const v = raw ? (JSON.parse(raw) as Partial<Kept>) : null;
      if (v && Array.isArray(v.entries)) return { entries: v.entries, state: readDoc(v.state) };
    } catch {
      // unreadable: start empty, as a device that kept nothing
    }
    return { entries: [], state: null };
  }

  save(): void {
    try {
      if (this.kept.entries.length === 0 && this.kept.state === null)
        this.store?.removeItem(this.key);
      else this.store?.setItem(this.key, JSON.stringify(this.kept));
    } catch {
      // a full or refused storage: the outbox stays in memory for this page
    }
  }
}

/** What one AU session (one launch) has done, kept across a reload of the page. */
export interface SessionMemo {
  token: string | null;
  /** when initialized was sent, ms */
  started: number;
  verbs: Verb[];
}

export function readMemo(store: KeptStore | null, key: string): SessionMemo | null {
  try {
    const raw = store?.getItem(key);
    const v = raw ? (JSON.parse(raw) as SessionMemo) : null;
    return v && Array.isArray(v.verbs) && typeof v.started === 'number' ? v : null;
  } catch {
    return null;
  }
}

export function writeMemo(store: KeptStore | null, key: string, memo: SessionMemo): void {
  try {
    store?.setItem(key, JSON.stringify(memo));
  } catch {
    // not kept: a reload of this page would ask the fetch URL again and be told
  }
}
