import { BalanceRun, seedList } from '../analysis/balance.ts';
import { gatesFor } from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { marketCensus } from './fair-score.ts';
import type { BalanceResult, CensusReply, CensusRequest } from './protocol.ts';

// What the worker does with a request, apart from the worker itself so that it can be
// tested in Node and run on the page where workers are missing: do the job, posting
// progress on the way, then its result or why there is none.

/** Progress at most once per whole per cent: enough for a smooth bar, few messages. */
function throttled(post: (done: number) => void): (done: number) => void {
  let last = -1;
  return (done) => {
    const pct = Math.floor(done * 100);
    if (pct === last) return;
    last = pct;
    post(pct / 100);
  };
}

function balance(
  scenario: ScenarioDef,
  seeds: number,
  onProgress: (done: number) => void,
): BalanceResult {
  const run = new BalanceRun(scenario);
  const list = seedList(seeds);
  for (const seed of list) {
    run.add(seed);
    onProgress((0.5 * run.done) / list.length);
  }
  // then the gates, which walk every strategy on every seed: the second half of the bar
  const gates = gatesFor(scenario, list, (done) => onProgress(0.5 + 0.5 * done));
  onProgress(1);
  return { report: run.result(), gates };
}

export function handleCensus(request: CensusRequest, post: (reply: CensusReply) => void): void {
  const { id, job } = request;
  const onProgress = throttled((done) => post({ type: 'progress', id, done }));
  try {
    if (job.kind === 'market') {
      const result = marketCensus(job.scenario, job.seed, onProgress);
      post({ type: 'result', id, kind: 'market', result });
    } else {
      const result = balance(job.scenario, job.seeds, onProgress);
      post({ type: 'result', id, kind: 'balance', result });
    }
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
