import type { ScenarioDef } from '../../sim/index.ts';
import { cancelled, computeMarket } from '../../workers/census-client.ts';
import type { MarketCensus } from '../../workers/fair-score.ts';

// A market's census (every strategy's score and the par lines) depends on the scenario
// and the seed alone, not on the player's choices. So the game starts it in the census
// worker once the first decision is made, and the fair score is usually ready the moment
// the debrief opens. One market at a time: a new game's market cancels the last one's.

interface Prefetch {
  key: string;
  controller: AbortController;
  promise: Promise<MarketCensus>;
  /** the fraction done so far, for a debrief that starts listening late */
  seen: { done: number };
  listeners: Set<(done: number) => void>;
}

let current: Prefetch | null = null;

/** Starts the census of this market in the background, unless it is already under way. */
export function prefetchMarket(
  key: string,
  scenario: ScenarioDef,
  seed: string,
  compute: typeof computeMarket = computeMarket,
): void {
  if (current?.key === key) return;
  current?.controller.abort();
  const controller = new AbortController();
  const listeners = new Set<(done: number) => void>();
  const seen = { done: 0 };
  const promise = compute(
    scenario,
    seed,
    (done) => {
      seen.done = done;
      for (const listen of listeners) listen(done);
    },
    { signal: controller.signal },
  );
  const entry: Prefetch = { key, controller, promise, seen, listeners };
  // a prefetch that failed or was cancelled is forgotten: the debrief then asks afresh
  promise.catch(() => {
    if (current === entry) current = null;
  });
  current = entry;
}

/**
 * The prefetched census of this market, or null if there is none. The caller hears its
 * progress until it is done, and may stop waiting (signal) without cancelling it, since a
 * debrief opened again for the same market can still use it.
 */
export function prefetchedMarket(
  key: string,
  onProgress: (done: number) => void,
  signal: AbortSignal,
): Promise<MarketCensus> | null {
  const entry = current;
  if (entry?.key !== key) return null;
  onProgress(entry.seen.done);
  entry.listeners.add(onProgress);
  return new Promise<MarketCensus>((resolve, reject) => {
    const stop = () => {
      entry.listeners.delete(onProgress);
      signal.removeEventListener('abort', leave);
    };
    const leave = () => {
      stop();
      reject(cancelled());
    };
    if (signal.aborted) return leave();
    signal.addEventListener('abort', leave);
    entry.promise.then(
      (market) => {
        stop();
        resolve(market);
      },
      (err: unknown) => {
        stop();
        reject(err);
      },
    );
  });
}
