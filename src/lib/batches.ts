// Work that finishes piece by piece (a cohort's censuses, in Node and on HR's page) is kept
// in batches as it comes rather than all at the end, so that a run stopped half-way loses
// little, without a write for every piece.

/** How long finished pieces may wait to be kept: about this much work is lost on a stop. */
export const KEEP_EVERY_MS = 2000;

export interface Batches<T> {
  /** a finished piece: the waiting batch is handed on once `everyMs` passed since the last */
  add(item: T): void;
  /** hands on whatever is waiting (at the end of the run, or when it fails) */
  flush(): void;
}

/** Collects pieces and hands them to `keep` in batches, in order; an empty batch is never handed on. */
export function batchesEvery<T>(
  keep: (batch: T[]) => void,
  everyMs: number = KEEP_EVERY_MS,
  now: () => number = () => performance.now(),
): Batches<T> {
  let waiting: T[] = [];
  let last = now();
  const flush = () => {
    const batch = waiting;
    waiting = [];
    last = now();
    if (batch.length > 0) keep(batch);
  };
  return {
    add(item) {
      waiting.push(item);
      if (now() - last >= everyMs) flush();
    },
    flush,
  };
}
