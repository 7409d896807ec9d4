import type { ScenarioDef } from '../sim/index.ts';
import type { MarketCensus } from './fair-score.ts';
import { LruMap } from './lru.ts';
import type {
  BalanceResult,
  CensusJob,
  CensusReply,
  CensusRequest,
  JobKind,
  JobResults,
} from './protocol.ts';

// The page's one way to the census worker (protocol.ts). Every page that plays a market's
// strategies asks here: the game (fair score, prefetched during play), the workshop
// (dashboard, balance report), HR (verify, assign) and the SCORM adapter.
//
// - A few workers, started as work comes and kept while there is work (one stays warm:
//   a worker takes some 50 ms to start); jobs wait their turn in order.
// - Markets are kept by key (marketKey: the scenario's hash and the seed) in a bounded
//   cache, the CACHE_LIMIT most recently used; a market asked for while it is being worked
//   out joins that work instead of starting it again.
// - Each caller may stop waiting (its AbortSignal). A job is cancelled when no caller waits
//   for it any longer: taken off the queue, or, when it is running, its worker is stopped
//   at once (a census never yields, so it could not hear a message) and the next job goes
//   to a fresh worker.
// - Where the browser gives no workers, jobs run on the page one after another, and each
//   caller is told (onFallback) that the page may pause while it works.

/** Markets kept by a service. A market's census is a few kilobytes (a histogram of 101
 * counts, two strategies and the par lines), so this many costs well under a megabyte. */
export const CACHE_LIMIT = 32;

/** Workers a service runs at most at once, however many cores the machine has. */
export const MOST_WORKERS = 8;

/** What every caller who must wait on the page's own thread is told. */
export const ON_PAGE_NOTICE =
  'This browser cannot work out the fair score in the background, so the page may pause for a few seconds while it does.';

/** The part of Worker the service uses, so that tests can stand in for it. */
export interface WorkerLike {
  postMessage(message: CensusRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CensusReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface RunOptions {
  /** stop waiting; the work itself stops once nobody waits for it */
  signal?: AbortSignal;
  /** 0 to 1, as the work goes on; a caller who joins late hears where it stands first */
  onProgress?: (done: number) => void;
  /** told once, when this job must run on the page because there are no workers */
  onFallback?: (notice: string) => void;
}

export interface CensusServiceOptions {
  /** most workers at once; defaults to the machine's cores, at most MOST_WORKERS */
  workers?: number;
  /** markets kept; defaults to CACHE_LIMIT */
  cacheLimit?: number;
  /** a new worker, or null where none can be had; defaults to the bundled census worker */
  createWorker?: () => WorkerLike | null;
  /** runs a request on the page's thread; defaults to the worker's own handler */
  onPage?: (request: CensusRequest, post: (reply: CensusReply) => void) => Promise<void>;
}

export interface CensusService {
  /**
   * A market's census and par lines: kept ones at once, others worked out in a worker.
   * Kept and shared under `key` (marketKey); a null key is neither kept nor shared.
   */
  market(
    key: string | null,
    scenario: ScenarioDef,
    seed: string,
    opts?: RunOptions,
  ): Promise<MarketCensus>;
  /**
   * The workshop's balance report on the first `seeds` seeds, with its gates (not kept):
   * the gates' seeds are spread over the workers (balance-parts.ts).
   */
  balance(scenario: ScenarioDef, seeds: number, opts?: RunOptions): Promise<BalanceResult>;
  /** The kept market of this key, if any (it then counts as just used). */
  kept(key: string): MarketCensus | undefined;
  /** Starts a worker now, so that the first job need not wait for one. */
  warm(): void;
  /** Stops every worker and fails every job waiting (a page going away, a test's end). */
  dispose(): void;
}

/** The error a cancelled job rejects with: an AbortError, which callers pass over. */
export function cancelled(): DOMException {
  return new DOMException('the census was cancelled', 'AbortError');
}

export const isCancel = (err: unknown): boolean =>
  err instanceof DOMException && err.name === 'AbortError';

/** False where the browser gives no Web Workers (jobs would then run on the page). */
export const workersAvailable = (): boolean => typeof Worker !== 'undefined';

/** A new census worker, from the bundled script; null where the browser has none. */
export function startCensusWorker(): WorkerLike | null {
  if (!workersAvailable()) return null;
  try {
    return new Worker(new URL('./census.worker.ts', import.meta.url), {
      type: 'module',
      name: 'census',
    }) as unknown as WorkerLike;
  } catch {
    return null;
  }
}

async function runOnPage(request: CensusRequest, post: (reply: CensusReply) => void) {
  // loaded only where it is needed, so the pages' first chunk stays small
  const { handleCensus } = await import('./census-handler.ts');
  handleCensus(request, post);
}

interface Caller {
  resolve: (result: never) => void;
  reject: (err: unknown) => void;
  opts: RunOptions;
}

interface Job {
  id: number;
  /** kept and shared by this key (markets only) */
  key: string | null;
  request: CensusRequest;
  callers: Set<Caller>;
  done: number;
  slot: Slot | null;
}

/** A worker, or the page's own thread where there are none, and the job it runs. */
interface Slot {
  worker: WorkerLike | null;
  job: Job | null;
}

export function createCensusService(options: CensusServiceOptions = {}): CensusService {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  const most = Math.max(1, options.workers ?? Math.min(cores, MOST_WORKERS));
  const createWorker = options.createWorker ?? startCensusWorker;
  const onPage = options.onPage ?? runOnPage;
  const cache = new LruMap<string, MarketCensus>(options.cacheLimit ?? CACHE_LIMIT);
  const running = new Map<string, Job>();
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let pumpSoon = false;

  function settle(job: Job, outcome: { result: unknown } | { error: unknown }): void {
    if (job.key !== null) running.delete(job.key);
    for (const c of job.callers) {
      c.opts.signal?.removeEventListener('abort', leaveOf.get(c)!);
      if ('result' in outcome) c.resolve(outcome.result as never);
      else c.reject(outcome.error);
    }
    job.callers.clear();
  }

  function finishOn(slot: Slot, reply: CensusReply): void {
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    if (reply.type === 'progress') {
      job.done = reply.done;
      for (const c of job.callers) c.opts.onProgress?.(reply.done);
      return;
    }
    slot.job = null;
    job.slot = null;
    if (reply.type === 'result') {
      if (reply.kind === 'market' && job.key !== null) cache.set(job.key, reply.result);
      settle(job, { result: reply.result });
    } else {
      settle(job, { error: new Error(`a census could not be worked out: ${reply.message}`) });
    }
    pump();
  }

  function dropSlot(slot: Slot): void {
    slot.worker?.terminate();
    slots.splice(slots.indexOf(slot), 1);
  }

  function newSlot(): Slot {
    const worker = createWorker();
    const slot: Slot = { worker, job: null };
    worker?.addEventListener('message', (event) => finishOn(slot, event.data));
    // a script that failed to load, or a worker that ran out of memory
    worker?.addEventListener('error', (event) => {
      const job = slot.job;
      slot.job = null;
      dropSlot(slot);
      if (job) {
        job.slot = null;
        const why = event.message || 'unknown error';
        settle(job, { error: new Error(`the census worker failed: ${why}`) });
      }
      pump();
    });
    slots.push(slot);
    return slot;
  }

  function start(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    if (slot.worker) {
      slot.worker.postMessage(job.request);
      return;
    }
    for (const c of job.callers) c.opts.onFallback?.(ON_PAGE_NOTICE);
    // a task of its own, so the page can draw what it has before it pauses
    setTimeout(() => {
      if (slot.job !== job) return;
      onPage(job.request, (reply) => finishOn(slot, reply)).catch((err: unknown) => {
        // the handler could not even be loaded (a network gone since the page was opened)
        const message = err instanceof Error ? err.message : String(err);
        finishOn(slot, { type: 'error', id: job.id, message });
      });
    }, 0);
  }

  /** Gives waiting jobs to idle slots, starting slots up to the limit; stops spare ones. */
  function pump(): void {
    while (queue.length > 0) {
      let slot = slots.find((s) => s.job === null);
      if (!slot && slots.length < most) slot = newSlot();
      if (!slot) break;
      // on the page there is one thread: one job at a time
      if (!slot.worker && slots.some((s) => s !== slot && !s.worker && s.job)) break;
      start(slot, queue.shift()!);
    }
    // idle workers beyond the one kept warm are let go
    const idle = slots.filter((s) => s.job === null);
    for (const s of idle.slice(1)) dropSlot(s);
  }

  /** This caller stops waiting; the job is cancelled once nobody waits for it. */
  function leave(job: Job, caller: Caller): void {
    if (!job.callers.delete(caller)) return;
    caller.reject(cancelled());
    if (job.callers.size > 0) return;
    if (job.key !== null) running.delete(job.key);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = job.slot;
    if (slot) {
      // the only way to stop a census at once; the next job gets a fresh worker
      job.slot = null;
      slot.job = null;
      dropSlot(slot);
    }
    // after every caller one abort reaches has left, so no job about to be cancelled too is
    // handed a fresh worker in between
    if (!pumpSoon) {
      pumpSoon = true;
      queueMicrotask(() => {
        pumpSoon = false;
        pump();
      });
    }
  }

  const leaveOf = new WeakMap<Caller, () => void>();

  function join<K extends JobKind>(job: Job, opts: RunOptions): Promise<JobResults[K]> {
    return new Promise<JobResults[K]>((resolve, reject) => {
      const caller: Caller = { resolve: resolve as (r: never) => void, reject, opts };
      const onAbort = () => leave(job, caller);
      leaveOf.set(caller, onAbort);
      job.callers.add(caller);
      if (job.done > 0) opts.onProgress?.(job.done);
      if (job.slot && !job.slot.worker) opts.onFallback?.(ON_PAGE_NOTICE);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  function run<K extends JobKind>(
    job: Extract<CensusJob, { kind: K }>,
    key: string | null,
    opts: RunOptions,
  ): Promise<JobResults[K]> {
    if (opts.signal?.aborted) return Promise.reject(cancelled());
    const under = key === null ? undefined : running.get(key);
    if (under) return join<K>(under, opts);
    const id = nextId++;
    const entry: Job = {
      id,
      key,
      request: { type: 'request', id, job },
      callers: new Set(),
      done: 0,
      slot: null,
    };
    if (key !== null) running.set(key, entry);
    const answer = join<K>(entry, opts);
    queue.push(entry);
    pump();
    return answer;
  }

  return {
    market(key, scenario, seed, opts = {}) {
      if (opts.signal?.aborted) return Promise.reject(cancelled());
      const known = key === null ? undefined : cache.get(key);
      if (known) {
        opts.onProgress?.(1);
        return Promise.resolve(known);
      }
      return run<'market'>({ kind: 'market', scenario, seed }, key, opts);
    },
    async balance(scenario, seeds, opts = {}) {
      if (opts.signal?.aborted) throw cancelled();
      // loaded here, so that the game's pages do not carry the gates' code
      const { balanceInParts } = await import('./balance-parts.ts');
      return balanceInParts(scenario, seeds, most, opts, {
        report: (o) => run<'balance'>({ kind: 'balance', scenario, seeds }, null, o),
        gates: (list, first, o) =>
          run<'gates'>({ kind: 'gates', scenario, seeds: list, first }, null, o),
      });
    },
    kept: (key) => cache.get(key),
    warm() {
      if (slots.length === 0) newSlot();
    },
    dispose() {
      const jobs = [...queue, ...slots.flatMap((s) => (s.job ? [s.job] : []))];
      queue.length = 0;
      for (const s of [...slots]) dropSlot(s);
      for (const job of jobs) settle(job, { error: cancelled() });
    },
  };
}

let pageService: CensusService | null = null;

/** The page's one census service, made when first asked for. */
export function pageCensus(): CensusService {
  pageService ??= createCensusService();
  return pageService;
}
