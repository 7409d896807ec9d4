import bundled from 'virtual:scenarios';
import type { LoadResult } from '../scenario/load.ts';
import type { ScenarioDef } from '../sim/index.ts';

// The scenarios the facilitator can work with: the bundled ones (already checked, plain
// data) and their YAML text (to start a new one from), and the loader for their own
// files, fetched only when first needed because it carries the YAML parser and the schema.

export interface ScenarioChoice {
  scenario: ScenarioDef;
  hash: string;
  /** the YAML text, for a facilitator's own scenario */
  yaml?: string;
}

export const BUNDLED: readonly ScenarioChoice[] = bundled;

const raw = import.meta.glob<string>('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
});

/** The text of a bundled scenario file, to start a new one from. */
export async function bundledYaml(id: string): Promise<string | null> {
  const entry = Object.entries(raw).find(([path]) => path.endsWith(`/${id}.yaml`));
  return entry ? entry[1]() : null;
}

export async function checkYaml(text: string, file: string): Promise<LoadResult> {
  const { loadScenario } = await import('../scenario/load.ts');
  return loadScenario(text, file);
}
