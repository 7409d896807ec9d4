import type { ScenarioDef } from '../sim/index.ts';
import type { FairScore } from './fair-score.ts';
import type { CensusReply, CensusRequest } from './protocol.ts';

// computeFairScore: the page's way to the census worker. One worker per request: a
// cancelled request terminates its worker at once (a census cannot be interrupted from
// inside, since it runs to the end without yielding), and a new request starts fresh.

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

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./census.worker.ts', import.meta.url), {
    type: 'module',
    name: 'census',
  }) as unknown as WorkerLike;
}

let nextId = 1;

export function computeFairScore(
  scenario: ScenarioDef,
  seed: string,
  playerScore: number,
  onProgress?: (done: number) => void,
  opts: FairScoreOptions = {},
): Promise<FairScore> {
  return new Promise<FairScore>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new DOMException('the fair score was cancelled', 'AbortError'));
      return;
    }
    const worker = (opts.createWorker ?? defaultWorker)();
    const id = nextId++;
    let settled = false;
    const finish = () => {
      settled = true;
      worker.terminate();
      opts.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      if (settled) return;
      finish();
      reject(new DOMException('the fair score was cancelled', 'AbortError'));
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
    worker.postMessage({ type: 'census', id, scenario, seed, playerScore });
  });
}
