import { batchesEvery } from '../lib/batches.ts';
import { modelOfScenario } from '../sim/index.ts';
import { type BatchOptions, computeMarkets, type MarketJob } from '../workers/census-batch.ts';
import type { MarketCensus } from '../workers/fair-score.ts';
import { type KeptMarkets, type ModelMarket, openKeptMarkets } from '../workers/kept-markets.ts';

// HR's page needs markets in two places: the verify view ranks each result in its market,
// and the assign view works out the new trainees' markets as soon as the links are made, so
// that checking their results later in this browser finds them ready. Both go through here:
// markets this browser kept are read back, the rest are worked out by the page's census
// service (src/workers/census-service.ts) on a worker per core and kept as they come, every
// two seconds or so (batchesEvery), so that a check cancelled half-way keeps what it
// finished, and a page closed half-way all but the last moments' work.

export interface PageMarkets {
  /** every market asked for, by key */
  markets: Map<string, MarketCensus>;
  /** markets whose census this browser kept from earlier */
  reused: number;
  /** true when markets worked out now could not be kept (storage full or refused) */
  notKept: boolean;
}

/** What marketsInPage uses of the browser: the tests give stand-ins. */
export interface PageMarketsDeps {
  openKept: () => Promise<KeptMarkets | null>;
  compute: (jobs: readonly MarketJob[], opts: BatchOptions) => Promise<MarketCensus[]>;
  now: () => number;
}

const BROWSER: PageMarketsDeps = {
  openKept: openKeptMarkets,
  compute: computeMarkets,
  now: () => performance.now(),
};

/**
 * Each market by key, from this browser's store or worked out now. `onProgress` hears how
 * many of the markets to work out are done (0 first). Rejects as computeMarkets does, on a
 * cancel or a failure, once what was finished is kept.
 */
export async function marketsInPage(
  needed: ReadonlyMap<string, MarketJob>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
  deps: PageMarketsDeps = BROWSER,
): Promise<PageMarkets> {
  const kept = needed.size > 0 ? await deps.openKept() : null;
  // each market under the model its results were played by (a job's scenario names it)
  const modelOf = (job: MarketJob) => modelOfScenario(job.scenario);
  const markets =
    (await kept?.get(new Map([...needed].map(([k, job]) => [k, modelOf(job)])))) ??
    new Map<string, MarketCensus>();
  const reused = markets.size;
  const missing = [...needed].filter(([k]) => !markets.has(k));
  let notKept = false;
  // one write at a time, in order; the last is awaited before the answer is given
  let writes = Promise.resolve();
  const batches = batchesEvery<[string, ModelMarket]>(
    (batch) => {
      if (kept === null) return;
      writes = writes.then(async () => {
        // a browser that refused once is not asked again with every batch
        if (!notKept && !(await kept.put(new Map(batch)))) notKept = true;
      });
    },
    undefined,
    deps.now,
  );
  if (!signal?.aborted) onProgress(0, missing.length);
  try {
    await deps.compute(
      missing.map(([key, job]) => ({ ...job, key })),
      {
        onEach: (done, index, market) => {
          const [key, job] = missing[index]!;
          markets.set(key, market);
          if (!signal?.aborted) onProgress(done, missing.length);
          batches.add([key, { market, model: modelOf(job) }]);
        },
        ...(signal ? { signal } : {}),
      },
    );
  } finally {
    batches.flush();
    await writes;
  }
  return { markets, reused, notKept };
}
