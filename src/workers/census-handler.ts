import type { BalanceReport } from '../analysis/balance.ts';
import { BalanceRun, seedList } from '../analysis/balance.ts';
import { gateTree, keepsScores, type SeedPart, seedPart } from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { marketCensus } from './fair-score.ts';
import type { CensusReply, CensusRequest } from './protocol.ts';

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
): BalanceReport {
  const run = new BalanceRun(scenario);
  const list = seedList(seeds);
  for (const seed of list) {
    run.add(seed);
    onProgress(run.done / list.length);
  }
  return run.result();
}

/** The gates' part of these seeds, the first being at place `first` of the report's list. */
function gateParts(
  scenario: ScenarioDef,
  seeds: readonly string[],
  first: number,
  onProgress: (done: number) => void,
): SeedPart[] {
  const tree = gateTree(scenario);
  return seeds.map((seed, i) => {
    const part = seedPart(scenario, tree, seed, keepsScores(first + i));
    onProgress((i + 1) / seeds.length);
    return part;
  });
}

export function handleCensus(request: CensusRequest, post: (reply: CensusReply) => void): void {
  const { id, job } = request;
  const onProgress = throttled((done) => post({ type: 'progress', id, done }));
  try {
    switch (job.kind) {
      case 'market': {
        const result = marketCensus(job.scenario, job.seed, onProgress);
        post({ type: 'result', id, kind: 'market', result });
        break;
      }
      case 'balance': {
        const result = balance(job.scenario, job.seeds, onProgress);
        post({ type: 'result', id, kind: 'balance', result });
        break;
      }
      case 'gates': {
        const result = gateParts(job.scenario, job.seeds, job.first, onProgress);
        post({ type: 'result', id, kind: 'gates', result });
        break;
      }
    }
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
