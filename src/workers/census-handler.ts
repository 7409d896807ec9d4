import { marketCensus } from './fair-score.ts';
import type { CensusReply, CensusRequest } from './protocol.ts';

// What the worker does with a request, apart from the worker itself so it can be tested
// in Node: work out the market's census and par lines, and post progress on the way.

export function handleCensus(request: CensusRequest, post: (reply: CensusReply) => void): void {
  const { id } = request;
  try {
    let last = -1;
    const result = marketCensus(request.scenario, request.seed, (done) => {
      // at most one message per whole per cent: enough for a smooth bar
      const pct = Math.floor(done * 100);
      if (pct === last) return;
      last = pct;
      post({ type: 'progress', id, done: pct / 100 });
    });
    post({ type: 'result', id, result });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
