import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';

// The scenarios the record tests play on: the bundled tutorial, and longer games of the
// same market for measuring how long a result code gets.

export const tutorialBundle = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`);
export const tutorial = tutorialBundle.scenario;
export const eight = syntheticScenario(tutorial, 8, 3);
export const twelve = syntheticScenario(tutorial, 12, 3);

export function shelf(...list: { scenario: ScenarioDef; hash: string }[]) {
  return new Map(list.map((e) => [e.scenario.id, e]));
}
