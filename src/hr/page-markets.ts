import { computeMarkets, type MarketJob } from '../workers/census-batch.ts';
import type { MarketCensus } from '../workers/fair-score.ts';
import { openKeptMarkets } from '../workers/kept-markets.ts';

// HR's page needs markets in two places: the verify view ranks each result in its market,
// and the assign view works out the new trainees' markets as soon as the links are made, so
// that checking their results later in this browser finds them ready. Both go through here:
// markets this browser kept are read back, the rest are worked out on a worker per core and
// kept as they come, so a check that is cancelled or a page that is closed half-way keeps
// what was finished.

/** How often finished markets are written to the browser's store, at least. */
const KEEP_EVERY_MS = 2000;

export interface PageMarkets {
  /** every market asked for, by key */
  markets: Map<string, MarketCensus>;
  /** markets whose census this browser kept from earlier */
  reused: number;
  /** true when markets worked out now could not be kept (storage full or refused) */
  notKept: boolean;
}

/**
 * Each market by key, from this browser's store or worked out now. `onProgress` hears how
 * many of the markets to work out are done (0 first). Rejects as computeMarkets does, on
 * a cancel or a failure, after keeping what was finished.
 */
export async function marketsInPage(
  needed: ReadonlyMap<string, MarketJob>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PageMarkets> {
  const kept = needed.size > 0 ? await openKeptMarkets() : null;
  const markets = (await kept?.get([...needed.keys()])) ?? new Map<string, MarketCensus>();
  const reused = markets.size;
  const missing = [...needed].filter(([k]) => !markets.has(k));
  let waiting = new Map<string, MarketCensus>();
  let notKept = false;
  let lastKept = performance.now();
  const keepWaiting = async () => {
    const batch = waiting;
    waiting = new Map();
    lastKept = performance.now();
    // a browser that refused once is not asked again with every batch
    if (kept === null || batch.size === 0 || notKept) return;
    if (!(await kept.put(batch))) notKept = true;
  };
  onProgress(0, missing.length);
  try {
    await computeMarkets(
      missing.map(([, job]) => job),
      {
        onEach: (done, index, market) => {
          const key = missing[index]![0];
          markets.set(key, market);
          waiting.set(key, market);
          onProgress(done, missing.length);
          if (performance.now() - lastKept >= KEEP_EVERY_MS) void keepWaiting();
        },
        ...(signal ? { signal } : {}),
      },
    );
  } finally {
    await keepWaiting();
  }
  return { markets, reused, notKept };
}
