import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linksFor, makeResults } from '../../src/cli/sample-results.ts';

// npx tsx tests/hr/bench-verify.ts: times `npm run verify` (the whole command, npm and Node
// start included) on 500 genuine results, half as result files and half as codes in one text
// file: on one shared market, and with a market per trainee (three attempts each). Each
// case runs cold (no census kept), then as HR would run it after `verify --prepare` on the
// links file while the trainees played.

const ROOT = new URL('../../', import.meta.url).pathname;
const cases: [string, string, number, number, boolean][] = [
  ['500 results, one market (8 quarters)', 'silos', 500, 1, true],
  ['500 results, 167 trainees x 3 attempts, a market each (8 quarters)', 'silos', 167, 3, false],
  ['500 results, 500 trainees, a market each (8 quarters)', 'silos', 500, 1, false],
  ['500 results, 500 trainees, a market each (tutorial, 3 quarters)', 'tutorial', 500, 1, false],
];

function timed(args: string[], cacheDir: string): string {
  const t = performance.now();
  const out = execFileSync('npm', ['run', '--silent', 'verify', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TOW_CACHE_DIR: cacheDir },
  });
  const ms = Math.round(performance.now() - t);
  return `${ms} ms wall; ${out.trim().split('\n').at(-1)}`;
}

// everything it writes goes under one folder, removed at the end
const root = mkdtempSync(join(tmpdir(), 'tow-bench-verify-'));
const folder = (name: string) => mkdtempSync(join(root, `${name}-`));
try {
  for (const [label, scenario, trainees, attempts, same] of cases) {
    const dir = folder('results');
    const n = makeResults(dir, scenario, trainees, attempts, same);
    const links = join(folder('links'), 'links.csv');
    writeFileSync(links, linksFor(scenario, trainees, attempts, same));
    console.log(`${label}: ${n} records`);
    console.log(`  cold: ${timed([dir, '--links', links], folder('cache'))}`);
    const cache = folder('cache');
    console.log(`  --prepare: ${timed(['--prepare', '--links', links], cache)}`);
    console.log(`  prepared: ${timed([dir, '--links', links], cache)}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
