import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BundledScenario, loadScenarioFile, SCENARIO_DIR } from '../scenario/bundled.ts';

/** Ids of the bundled scenarios, from their file names, for error messages. */
export function bundledIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A scenario named by path, or by the id of a bundled one. */
export function resolveScenario(nameOrPath: string): BundledScenario {
  if (existsSync(nameOrPath)) return loadScenarioFile(nameOrPath);
  const bundled = join(SCENARIO_DIR, `${nameOrPath}.yaml`);
  if (/^[\w-]+$/.test(nameOrPath) && existsSync(bundled)) return loadScenarioFile(bundled);
  throw new Error(
    `no scenario file or bundled scenario "${nameOrPath}"; the bundled ones are ${bundledIds().join(', ')}`,
  );
}
