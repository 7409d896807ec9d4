import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asReleased, EDITION_KEY, editionKey } from '../record/edition.ts';
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

/** Scenarios looked up by id, as the verifier and the record's checks ask for them. */
export interface ScenarioLookup {
  get(id: string): BundledScenario | undefined;
}

/**
 * The shipped scenarios by id, each read the first time it is asked for. Parsing a scenario
 * file costs about 50 ms of a command's start-up (100 ms for the first, while the parser
 * warms up), and a verify of one cohort's results usually needs one scenario of six. A
 * shipped file is named after its scenario's id (tests/scenario/bundled.test.ts), so it is
 * looked for by that name; an id no file is named after, or one whose file declares another
 * id, has every file read, as loadBundledScenarios does, so the answer is the same.
 */
export function bundledScenarioLookup(dir = SCENARIO_DIR): ScenarioLookup {
  const read = new Map<string, BundledScenario | undefined>();
  let everyFileRead = false;
  return {
    get(id) {
      if (EDITION_KEY.test(id)) return earlierEdition(dir, id, read);
      if (read.has(id) || everyFileRead) return read.get(id);
      const named = join(dir, `${id}.yaml`);
      if (/^[\w-]+$/.test(id) && existsSync(named)) {
        const b = loadScenarioFile(named);
        if (b.scenario.id === id) {
          read.set(id, b);
          return b;
        }
      }
      for (const b of loadBundledScenarios(dir)) read.set(b.scenario.id, b);
      everyFileRead = true;
      return read.get(id);
    },
  };
}

/** Where the earlier editions of the shipped scenarios are kept (src/record/edition.ts). */
export const EDITIONS_DIR = 'editions';

/**
 * The earlier edition kept under `key` (id@hash), read once; undefined where none is kept,
 * or where the file's own id and hash are not the key's (a misnamed file is not trusted).
 */
function earlierEdition(
  dir: string,
  key: string,
  read: Map<string, BundledScenario | undefined>,
): BundledScenario | undefined {
  if (read.has(key)) return read.get(key);
  const file = join(dir, EDITIONS_DIR, `${key}.yaml`);
  let found: BundledScenario | undefined;
  if (existsSync(file)) {
    const b = loadScenarioFile(file);
    if (editionKey(b.scenario.id, b.hash) === key) found = asReleased(b);
  }
  read.set(key, found);
  return found;
}

/** Every earlier edition kept, for the build that ships them to HR's page. */
export function loadEarlierEditions(dir = SCENARIO_DIR): BundledScenario[] {
  const folder = join(dir, EDITIONS_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => asReleased(loadScenarioFile(join(folder, f))));
}
