import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeResults } from './make-results.ts';

// npx tsx tests/hr/bench-verify.ts: times `npm run verify` (the whole command, npm and Node
// start included) on 500 genuine results, half as result files and half as codes in one text
// file: on one shared market, and with a market per trainee (three attempts each).

const ROOT = new URL('../../', import.meta.url).pathname;
const cases: [string, string, number, number, boolean][] = [
  ['500 results, one market (8 quarters)', 'silos', 500, 1, true],
  ['500 results, 167 trainees x 3 attempts, a market each (8 quarters)', 'silos', 167, 3, false],
  ['500 results, 500 trainees, a market each (8 quarters)', 'silos', 500, 1, false],
  ['500 results, 500 trainees, a market each (tutorial, 3 quarters)', 'tutorial', 500, 1, false],
];
for (const [label, scenario, trainees, attempts, same] of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'tow-bench-'));
  const n = makeResults(dir, scenario, trainees, attempts, same);
  const t = performance.now();
  const out = execFileSync('npm', ['run', '--silent', 'verify', '--', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const ms = Math.round(performance.now() - t);
  console.log(`${label}: ${n} records, ${ms} ms wall; ${out.trim().split('\n').at(-1)}`);
}
