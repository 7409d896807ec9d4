import type { ScenarioDef } from '../sim/index.ts';
import { type FairScore, type MarketCensus, rankIn } from './fair-score.ts';
import type { CensusReply, CensusRequest } from './protocol.ts';

// computeMarket: the page's way to the census worker. One worker per request, started
// ahead of time (prepareCensusWorker): a cancelled request terminates its worker at once
// (a census cannot be interrupted from inside, since it runs to the end without
// yielding), and a new request starts fresh.
// computeFairScore ranks one score against the market it brings back.

/** The part of Worker the client uses, so tests can stand in for it. */
export interface WorkerLike {
  postMessage(message: CensusRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CensusReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface FairScoreOptions {
  signal?: AbortSignal;
  /** defaults to the bundled census worker */
  createWorker?: () => WorkerLike;
}

/** A new census worker, from the bundled script. */
export function startCensusWorker(): WorkerLike {
  return new Worker(new URL('./census.worker.ts', import.meta.url), {
    type: 'module',
    name: 'census',
  }) as unknown as WorkerLike;
}

// A worker takes some 50 ms to start and load its script. One is kept started and idle, so
// a request need not wait for that: the page starts it once it is up (prepareCensusWorker),
// and each request that takes it has the next one started when it is done.
let spare: { worker: WorkerLike; failed: boolean } | null = null;

/** Starts the idle census worker that the next request will use, if there is none. */
export function prepareCensusWorker(): void {
  if (spare || typeof Worker === 'undefined') return;
  try {
    const entry = { worker: startCensusWorker(), failed: false };
    // a script that failed to load is reported once, maybe before any request is made
    entry.worker.addEventListener('error', () => {
      entry.failed = true;
    });
    spare = entry;
  } catch {
    // no worker to be had here: each request will try on its own and report the failure
  }
}

function takeWorker(): WorkerLike {
  const entry = spare;
  spare = null;
  if (entry && !entry.failed) return entry.worker;
  entry?.worker.terminate();
  return startCensusWorker();
}

let nextId = 1;

/** The error a cancelled fair score rejects with: an AbortError, which callers pass over. */
export function cancelled(): DOMException {
  return new DOMException('the fair score was cancelled', 'AbortError');
}

export function computeFairScore(
  scenario: ScenarioDef,
  seed: string,
  playerScore: number,
  onProgress?: (done: number) => void,
  opts: FairScoreOptions = {},
): Promise<FairScore> {
  return computeMarket(scenario, seed, onProgress, opts).then((m) => rankIn(m, playerScore));
}

/** The market's census and par lines, worked out in a worker. */
export function computeMarket(
  scenario: ScenarioDef,
  seed: string,
  onProgress?: (done: number) => void,
  opts: FairScoreOptions = {},
): Promise<MarketCensus> {
  return new Promise<MarketCensus>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(cancelled());
      return;
    }
    const worker = opts.createWorker ? opts.createWorker() : takeWorker();
    const id = nextId++;
    let settled = false;
    const finish = () => {
      settled = true;
      worker.terminate();
      opts.signal?.removeEventListener('abort', abort);
      if (!opts.createWorker) prepareCensusWorker();
    };
    const abort = () => {
      if (settled) return;
      finish();
      reject(cancelled());
    };
    opts.signal?.addEventListener('abort', abort);
    worker.addEventListener('message', (event: MessageEvent<CensusReply>) => {
      const reply = event.data;
      if (settled || reply.id !== id) return;
      if (reply.type === 'progress') onProgress?.(reply.done);
      else if (reply.type === 'result') {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(new Error(`the fair score could not be computed: ${reply.message}`));
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (settled) return;
      finish();
      reject(new Error(`the fair score worker failed: ${event.message || 'unknown error'}`));
    });
    worker.postMessage({ type: 'census', id, scenario, seed });
  });
}
