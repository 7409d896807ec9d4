import type { LoadResult } from '../scenario/load.ts';
import { checkYaml } from './scenarios.ts';

// Runs the authoring page's checks in a worker (check.worker.ts), one at a time: a new
// text stops a check still running on an older one, and a check that runs past the time
// limit is stopped and said to have run out of time, so the page never waits on it.

export interface CheckRequest {
  id: number;
  text: string;
  file: string;
}

export interface CheckReply {
  id: number;
  result: LoadResult;
}

/** The result, or why there is none: out of time, or replaced by a newer text. */
export type CheckOutcome =
  | { kind: 'done'; result: LoadResult }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'stale' };

/** Far beyond the second or two the largest file allowed takes on a slow laptop. */
export const CHECK_TIME_LIMIT_MS = 10_000;

/** What the checker needs of a Worker, so that a test can stand in for one. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<CheckReply>) => void) | null;
  onerror: ((e: Event) => void) | null;
  postMessage(message: CheckRequest): void;
  terminate(): void;
}

export interface CheckerOptions {
  limitMs?: number;
  /** null where workers cannot run: the check then runs on the page */
  makeWorker?: () => WorkerLike | null;
  /** the check on the page's own thread */
  onPage?: (text: string, file: string) => Promise<LoadResult>;
}

function newWorker(): WorkerLike | null {
  try {
    return new Worker(new URL('./check.worker.ts', import.meta.url), {
      type: 'module',
    }) as unknown as WorkerLike;
  } catch {
    return null;
  }
}

export function createChecker(options: CheckerOptions = {}): {
  check: (text: string, file: string) => Promise<CheckOutcome>;
  stop: () => void;
} {
  const limitMs = options.limitMs ?? CHECK_TIME_LIMIT_MS;
  const makeWorker = options.makeWorker ?? newWorker;
  const onPage = options.onPage ?? checkYaml;
  let worker: WorkerLike | null = null;
  let running: { id: number; settle: (o: CheckOutcome) => void } | null = null;
  let nextId = 0;

  /** Ends the running check with this outcome; a worker still busy on it is dropped. */
  function settle(outcome: CheckOutcome): void {
    const r = running;
    running = null;
    if (!r) return;
    if (outcome.kind !== 'done') {
      worker?.terminate();
      worker = null;
    }
    r.settle(outcome);
  }

  function check(text: string, file: string): Promise<CheckOutcome> {
    settle({ kind: 'stale' });
    worker ??= makeWorker();
    const w = worker;
    if (!w) return onPage(text, file).then((result) => ({ kind: 'done', result }));
    const id = ++nextId;
    return new Promise<CheckOutcome>((resolve) => {
      const timer = setTimeout(
        () => settle({ kind: 'timeout', seconds: Math.round(limitMs / 1000) }),
        limitMs,
      );
      running = {
        id,
        settle: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      w.onmessage = (e) => {
        if (e.data.id === running?.id) settle({ kind: 'done', result: e.data.result });
      };
      // a worker that cannot start (its script blocked or missing): check on the page
      w.onerror = () => {
        if (running?.id !== id) return;
        const r = running;
        running = null;
        worker = null;
        w.terminate();
        void onPage(text, file).then((result) => r.settle({ kind: 'done', result }));
      };
      w.postMessage({ id, text, file });
    });
  }

  return { check, stop: () => settle({ kind: 'stale' }) };
}
