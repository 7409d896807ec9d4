import type { WorkerLike } from '../../src/workers/census-client.ts';
import { handleCensus } from '../../src/workers/census-handler.ts';
import type { CensusReply, CensusRequest } from '../../src/workers/protocol.ts';

/** A stand-in for the browser's Worker: the same handler, answering asynchronously. */
export class FakeWorker implements WorkerLike {
  terminated = false;
  /** requests posted to this worker */
  requests = 0;
  private readonly listeners: ((e: MessageEvent<CensusReply>) => void)[] = [];
  private readonly errorListeners: ((e: ErrorEvent) => void)[] = [];
  constructor(private readonly delay = 0) {}
  postMessage(message: CensusRequest): void {
    this.requests++;
    setTimeout(() => {
      handleCensus(message, (reply) => {
        if (this.terminated) return;
        for (const l of this.listeners) l({ data: reply } as MessageEvent<CensusReply>);
      });
    }, this.delay);
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
