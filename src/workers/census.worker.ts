/// <reference lib="webworker" />
import { handleCensus } from './census-handler.ts';
import type { CensusRequest } from './protocol.ts';

// Censuses and balance reports run here, off the page's thread, so the page never freezes
// while every strategy of a market is played.

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<CensusRequest>) => {
  if (event.data?.type !== 'request') return;
  handleCensus(event.data, (reply) => scope.postMessage(reply));
});
