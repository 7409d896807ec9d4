import { handleCensus } from '../../src/workers/census-handler.ts';
import type { WorkerLike } from '../../src/workers/census-service.ts';
import type { CensusReply, CensusRequest } from '../../src/workers/protocol.ts';

/**
 * A stand-in for the browser's Worker: the same handler, answering after `delay` ms, one
 * request after another as a worker's single thread does. A terminated worker does no
 * more work and posts nothing, as a real one.
 */
export class FakeWorker implements WorkerLike {
  terminated = false;
  /** requests posted to this worker */
  requests = 0;
  /** requests it finished working out */
  worked = 0;
  private readonly listeners: ((e: MessageEvent<CensusReply>) => void)[] = [];
  private readonly errorListeners: ((e: ErrorEvent) => void)[] = [];
  private busyUntil = 0;
  constructor(private readonly delay = 0) {}
  postMessage(message: CensusRequest): void {
    this.requests++;
    const at = Math.max(Date.now(), this.busyUntil) + this.delay;
    this.busyUntil = at;
    setTimeout(() => {
      if (this.terminated) return;
      handleCensus(message, (reply) => {
        if (this.terminated) return;
        for (const l of this.listeners) l({ data: reply } as MessageEvent<CensusReply>);
      });
      this.worked++;
    }, at - Date.now());
  }
  addEventListener(type: string, listener: (e: never) => void): void {
    if (type === 'message') this.listeners.push(listener as (e: MessageEvent<CensusReply>) => void);
    if (type === 'error') this.errorListeners.push(listener as (e: ErrorEvent) => void);
  }
  /** what the browser does when the worker's script throws outside any request */
  crash(message: string): void {
    for (const l of this.errorListeners) l({ message } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** Workers made for a service, kept for the test to look at. */
export function workerPool(delay = 0) {
  const made: FakeWorker[] = [];
  const createWorker = () => {
    const w = new FakeWorker(delay);
    made.push(w);
    return w;
  };
  return { made, createWorker };
}
