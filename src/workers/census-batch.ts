import type { ScenarioDef } from '../sim/index.ts';
import { type CensusService, cancelled, pageCensus } from './census-service.ts';
import type { MarketCensus } from './fair-score.ts';

// Many markets' censuses for HR's verify and assign pages, where every trainee may have a
// market of their own: all asked of the page's census service at once, which works them
// out on a worker per core (each kept for many markets: a warm worker takes about 25 ms a
// market against about 110 ms for a fresh one).

export interface MarketJob {
  scenario: ScenarioDef;
  seed: string;
  /** the market's key (marketKey), under which the service keeps it; none: not kept */
  key?: string;
}

export interface BatchOptions {
  signal?: AbortSignal;
  /** called after each market, with how many are done, its job's place and its answer */
  onEach?: (done: number, index: number, market: MarketCensus) => void;
  /** defaults to the page's census service */
  service?: CensusService;
}

/**
 * Each market's census and par lines, in the jobs' order. The first failure (or the
 * signal) stops the markets still waiting or under way and rejects with its reason.
 */
export async function computeMarkets(
  jobs: readonly MarketJob[],
  opts: BatchOptions = {},
): Promise<MarketCensus[]> {
  if (opts.signal?.aborted) throw cancelled();
  const service = opts.service ?? pageCensus();
  const stopRest = new AbortController();
  const stop = () => stopRest.abort();
  opts.signal?.addEventListener('abort', stop);
  let done = 0;
  try {
    return await Promise.all(
      jobs.map((job, index) =>
        service
          .market(job.key ?? null, job.scenario, job.seed, { signal: stopRest.signal })
          .then((market) => {
            opts.onEach?.(++done, index, market);
            return market;
          }),
      ),
    );
  } finally {
    // after a failure, nobody waits for the others any longer
    stop();
    opts.signal?.removeEventListener('abort', stop);
  }
}
