import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioDef } from '../sim/index.ts';
import { formatIssue } from './errors.ts';
import { loadScenario } from './load.ts';

// The scenarios shipped in scenarios/, loaded and checked in Node: for the CLI, the
// tests, and the build, which turns them into plain data so the browser needs no parser.

export interface BundledScenario {
  scenario: ScenarioDef;
  hash: string;
  file: string;
}

export const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;

export function loadScenarioFile(path: string): BundledScenario {
  const result = loadScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return { scenario: result.scenario, hash: result.hash, file: path };
}

export function loadBundledScenarios(dir = SCENARIO_DIR): BundledScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => loadScenarioFile(join(dir, f)));
}
