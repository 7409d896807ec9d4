import {
  type GateReport,
  gateReport,
  gatesOfParts,
  gateTree,
  keepsScores,
  type SeedPart,
} from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { onThreads, threadCount } from './threads.ts';

// The balance gates with their seeds spread over the machine's cores: each seed's part
// (every strategy played on it, and the policies) is worked out on a thread and the parts
// are added up in the seeds' order, so the report is the one gateReport() gives on one.
// A facilitator waits for a shipped scenario's 200 seeds: half as long on two cores.

/** Below this many strategies a seed, a thread's start costs more than it saves. */
const STRATEGIES_WORTH_A_THREAD = 20_000;

export async function gateReportOnThreads(
  scenario: ScenarioDef,
  seeds: readonly string[],
  onProgress?: (done: number) => void,
  threads: number = threadCount(),
): Promise<GateReport> {
  const started = performance.now();
  const tree = gateTree(scenario);
  const use = Math.min(threads, seeds.length);
  if (use < 2 || tree.count * seeds.length < STRATEGIES_WORTH_A_THREAD) {
    return gateReport(scenario, seeds, () => performance.now(), onProgress);
  }
  let done = 0;
  const jobs = seeds.map((seed, i) => ({
    kind: 'gates' as const,
    scenario: 0,
    seed,
    keep: keepsScores(i),
  }));
  const parts = await onThreads<SeedPart>([scenario], jobs, use, () => {
    onProgress?.(++done / seeds.length);
  });
  return gatesOfParts(scenario, tree, seeds, parts, performance.now() - started);
}
