import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';

// scripts/cli.mjs runs every Node command (npm run verify, simulate, ...) from a bundle it
// keeps: it must never run code older than the sources, must find files and packages from
// the sources' own places, must report errors at the sources' lines, and must still run
// where it cannot keep anything.

const ROOT = new URL('../../', import.meta.url).pathname;
// the kept bundles load packages from the project's node_modules, so they live inside it
const CACHES = join(ROOT, 'node_modules', '.cache', 'tug-of-war', 'launcher-tests');
mkdirSync(CACHES, { recursive: true });
const bundleCache = () => mkdtempSync(join(CACHES, 'cli-'));
afterAll(() => rmSync(CACHES, { recursive: true, force: true }));

function launch(entry: string, cacheDir: string, args: string[] = []) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', entry, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TOW_CLI_CACHE_DIR: cacheDir },
  });
}

/** A two-file command in a folder of its own: it prints a word from the other file. */
function command(): { dir: string; entry: string; setDep: (source: string) => void } {
  const dir = tempDir('launch');
  // ES modules, as the project's own sources are
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const entry = join(dir, 'main.ts');
  writeFileSync(
    entry,
    [
      "import { word } from './dep.ts';",
      // where the sources are, the program named, and the arguments: as tsx would give them
      "const here = new URL('./', import.meta.url).pathname;",
      "console.log([word(), here, process.argv[1], process.argv.slice(2).join(',')].join(' '));",
    ].join('\n'),
  );
  const setDep = (source: string) => writeFileSync(join(dir, 'dep.ts'), source);
  setDep("export const word = (): string => 'first';\n");
  return { dir, entry, setDep };
}

const bundles = (cache: string) => readdirSync(cache).filter((f) => f.endsWith('.mjs'));

describe('the command launcher', () => {
  it('builds a command once, runs it as its sources say, and rebuilds when a source changes', () => {
    const { dir, entry, setDep } = command();
    const cache = bundleCache();
    const first = launch(entry, cache, ['a', 'b']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`first ${dir}/ ${entry} a,b\n`);
    const [built] = bundles(cache);
    const builtAt = statSync(join(cache, built!)).mtimeMs;

    // the same sources: the kept bundle runs, untouched
    expect(launch(entry, cache, ['c']).stdout).toBe(`first ${dir}/ ${entry} c\n`);
    expect(bundles(cache)).toEqual([built]);
    expect(statSync(join(cache, built!)).mtimeMs).toBe(builtAt);

    // one file edited, its length kept: the command runs the new code, never the kept one
    setDep("export const word = (): string => 'other';\n");
    expect(launch(entry, cache).stdout).toBe(`other ${dir}/ ${entry} \n`);
    expect(bundles(cache)).toHaveLength(2); // the old one stays a while for runs still using it
  });

  it('loads packages from the project, and names the source file and line of an error', () => {
    const { entry, setDep } = command();
    setDep(
      [
        "import { parse } from 'yaml';",
        'export function word(): string {',
        "  if (parse('n: 1').n === 1) throw new Error('the dependency failed');",
        "  return '';",
        '}',
      ].join('\n'),
    );
    const run = launch(entry, bundleCache());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Error: the dependency failed');
    expect(run.stderr).toMatch(/at word \(.*dep\.ts:3:\d+\)/);
  });

  it('reports a source that does not compile, with its file and line', () => {
    const { entry, setDep } = command();
    setDep('export const word = (): string => ;\n');
    const run = launch(entry, bundleCache());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: .*dep\.ts:1:\d+: /);
  });

  it('still runs the command where it can keep nothing, through tsx', () => {
    const { dir, entry } = command();
    const blocked = join(tempDir('cli-cache'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const run = launch(entry, join(blocked, 'cli'), ['x']);
    expect(run.stdout).toBe(`first ${dir}/ ${entry} x\n`);
    expect(run.status).toBe(0);
  });
});
