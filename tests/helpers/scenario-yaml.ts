import { twentyBySix as built } from '../../src/cli/synthetic.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';

// Scenarios as the text of a file, for tests in Node and in the browser alike (no vitest here).

export { scenarioFileText as scenarioYaml } from '../../src/cli/synthetic.ts';

/** A valid scenario of 20 quarters and 6 replies, built on silos: no tool may walk it whole. */
export function twentyBySix(): ScenarioDef {
  return built(loadScenarioFile(`${SCENARIO_DIR}silos.yaml`).scenario);
}
