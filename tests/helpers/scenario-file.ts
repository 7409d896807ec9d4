import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';
import { scenarioYaml } from './scenario-yaml.ts';
import { tempDir } from './temp.ts';

export { twentyBySix } from './scenario-yaml.ts';

/** scenarioYaml(), checked valid. */
export function scenarioText(sc: ScenarioDef): string {
  const text = scenarioYaml(sc);
  const loaded = loadScenario(text, `${sc.id}.yaml`);
  expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  return text;
}

/** scenarioText() saved in a folder of its own; returns the file's path. */
export function writeScenario(sc: ScenarioDef): string {
  const file = join(tempDir('scenario'), `${sc.id}.yaml`);
  writeFileSync(file, scenarioText(sc));
  return file;
}
