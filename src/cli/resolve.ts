import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BundledScenario, loadScenarioFile, SCENARIO_DIR } from '../scenario/bundled.ts';

/** A scenario named by path, or by the id of a bundled one. */
export function resolveScenario(nameOrPath: string): BundledScenario {
  if (existsSync(nameOrPath)) return loadScenarioFile(nameOrPath);
  const bundled = join(SCENARIO_DIR, `${nameOrPath}.yaml`);
  if (existsSync(bundled)) return loadScenarioFile(bundled);
  throw new Error(`no scenario file or bundled scenario "${nameOrPath}"`);
}
