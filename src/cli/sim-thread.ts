import { parentPort, workerData } from 'node:worker_threads';
import { gateTree, type SeedPart, seedPart } from '../analysis/gates.ts';
import type { StrategyTree } from '../analysis/tree.ts';
import { census, censusPart, type ScenarioDef, type StrategyCensus } from '../sim/index.ts';

// What a thread of the command-line tools does: it is given the scenarios once, then
// answers each job it is sent with one census, or one seed's part of the balance gates.
// threads.ts bundles this file with the model and starts it.

export type ThreadJob =
  /** a whole market's census, as census() gives it (verify: a market per trainee) */
  | { kind: 'market'; scenario: number; seed: string }
  /** the strategies that begin with `prefix`, every one played (see census-parts.ts) */
  | { kind: 'part'; scenario: number; seed: string; prefix: string[] }
  /** one seed's part of the balance gates (see gates.ts), its scores kept when `keep` */
  | { kind: 'gates'; scenario: number; seed: string; keep: boolean };

export type ThreadAnswer = StrategyCensus | SeedPart;

export interface ThreadSetup {
  /** the scenarios the jobs name by index: sent once, so each is prepared once per thread */
  scenarios: ScenarioDef[];
}

// the gates' tree of strategies depends on the scenario alone: listed once per thread
const trees = new WeakMap<ScenarioDef, StrategyTree>();

function runJob(scenarios: readonly ScenarioDef[], job: ThreadJob): ThreadAnswer {
  const scenario = scenarios[job.scenario];
  if (!scenario)
    throw new Error(`a census job names scenario ${job.scenario}, which was not given`);
  switch (job.kind) {
    case 'market':
      return census(scenario, job.seed);
    case 'part':
      return censusPart(scenario, job.seed, job.prefix);
    case 'gates': {
      let tree = trees.get(scenario);
      if (!tree) {
        tree = gateTree(scenario);
        trees.set(scenario, tree);
      }
      return seedPart(scenario, tree, job.seed, job.keep);
    }
  }
}

const setup = (workerData as { towThread?: ThreadSetup } | null)?.towThread;
if (parentPort && setup) {
  const port = parentPort;
  port.on('message', (job: ThreadJob) => port.postMessage(runJob(setup.scenarios, job)));
}
