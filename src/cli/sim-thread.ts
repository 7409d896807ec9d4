import { parentPort, workerData } from 'node:worker_threads';
import { census, censusPart, type ScenarioDef, type StrategyCensus } from '../sim/index.ts';

// What a thread of the command-line tools does: it is given the scenarios once, then
// answers each job it is sent with one census. threads.ts bundles this file with the model
// and starts it.

export type ThreadJob =
  /** a whole market's census, as census() gives it (verify: a market per trainee) */
  | { kind: 'market'; scenario: number; seed: string }
  /** the strategies that begin with `prefix`, every one played (see census-parts.ts) */
  | { kind: 'part'; scenario: number; seed: string; prefix: string[] };

export interface ThreadSetup {
  /** the scenarios the jobs name by index: sent once, so each is prepared once per thread */
  scenarios: ScenarioDef[];
}

function runJob(scenarios: readonly ScenarioDef[], job: ThreadJob): StrategyCensus {
  const scenario = scenarios[job.scenario];
  if (!scenario)
    throw new Error(`a census job names scenario ${job.scenario}, which was not given`);
  return job.kind === 'market'
    ? census(scenario, job.seed)
    : censusPart(scenario, job.seed, job.prefix);
}

const setup = (workerData as { towThread?: ThreadSetup } | null)?.towThread;
if (parentPort && setup) {
  const port = parentPort;
  port.on('message', (job: ThreadJob) => port.postMessage(runJob(setup.scenarios, job)));
}
