import { inLanes } from '../lib/lanes.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { cancelled, startCensusWorker, type WorkerLike } from './census-client.ts';
import type { MarketCensus } from './fair-score.ts';
import type { CensusReply } from './protocol.ts';

// Many markets' censuses for HR's verify page, where every trainee may have a market of
// their own: a few census workers, each kept for the whole batch. One worker per market,
// as the game uses, paid a worker's start and a cold census every time: about 110 ms a
// market against about 25 once a worker is warm.

export interface MarketJob {
  scenario: ScenarioDef;
  seed: string;
}

export interface BatchOptions {
  signal?: AbortSignal;
  /** called after each market, with how many are done, its job's place and its answer */
  onEach?: (done: number, index: number, market: MarketCensus) => void;
  /** workers to use; defaults to the machine's cores, at most 8 */
  workers?: number;
  /** defaults to the bundled census worker */
  createWorker?: () => WorkerLike;
}

const MOST_WORKERS = 8;

function workersFor(jobs: number, asked?: number): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(asked ?? Math.min(cores, MOST_WORKERS), jobs));
}

/** Each market's census and par lines, in the jobs' order. */
export async function computeMarkets(
  jobs: readonly MarketJob[],
  opts: BatchOptions = {},
): Promise<MarketCensus[]> {
  if (opts.signal?.aborted) throw cancelled();
  if (jobs.length === 0) return [];
  const create = opts.createWorker ?? startCensusWorker;
  const workers: WorkerLike[] = [];
  // each worker's request in flight: one at a time
  const waiting: ({
    id: number;
    resolve: (m: MarketCensus) => void;
    reject: (e: unknown) => void;
  } | null)[] = [];
  let stop: ((err: unknown) => void) | null = null;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const failAll = (err: unknown) => {
    for (const w of waiting) w?.reject(err);
    stop?.(err);
  };
  const abort = () => failAll(cancelled());
  opts.signal?.addEventListener('abort', abort);
  let nextId = 1;
  let done = 0;
  try {
    for (let k = 0; k < workersFor(jobs.length, opts.workers); k++) {
      const worker = create();
      workers.push(worker);
      waiting.push(null);
      worker.addEventListener('message', (event: MessageEvent<CensusReply>) => {
        const reply = event.data;
        const pending = waiting[k];
        if (!pending || reply.id !== pending.id || reply.type === 'progress') return;
        waiting[k] = null;
        if (reply.type === 'result') pending.resolve(reply.result);
        else pending.reject(new Error(`a census could not be computed: ${reply.message}`));
      });
      worker.addEventListener('error', (event: ErrorEvent) => {
        failAll(new Error(`a census worker failed: ${event.message || 'unknown error'}`));
      });
    }
    const ask = (job: MarketJob, k: number, index: number) =>
      new Promise<MarketCensus>((resolve, reject) => {
        const id = nextId++;
        waiting[k] = { id, resolve, reject };
        workers[k]!.postMessage({ type: 'census', id, scenario: job.scenario, seed: job.seed });
      }).then((m) => {
        opts.onEach?.(++done, index, m);
        return m;
      });
    return await Promise.race([inLanes(jobs, workers.length, ask), stopped]);
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    for (const w of workers) w.terminate();
  }
}
