// Reads the test log on stdin and prints one plain "N passed, N failed" line for CI,
// adding up vitest's and Playwright's own summaries. Usage: ci-summary.mjs [exit status] < log
import { readFileSync } from 'node:fs';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colours
const log = readFileSync(0, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of log.split('\n')) {
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  const pwPassed = /^\s+(\d+) passed \(/.exec(line);
  if (pwPassed) passed += Number(pwPassed[1]);
  const pwFailed = /^\s+(\d+) failed\s*$/.exec(line);
  if (pwFailed) failed += Number(pwFailed[1]);
  // passed on its retry (playwright.config.ts retries once under CI)
  const pwFlaky = /^\s+(\d+) flaky\s*$/.exec(line);
  if (pwFlaky) passed += Number(pwFlaky[1]);
}
// the test command's exit status, when .ci/run passes it: a run can fail outside any test
// (a config that does not load, a build that breaks), and the counts alone would hide it
const status = Number(process.argv[2] ?? 0);
const outside =
  status !== 0 && failed === 0
    ? `; the test command failed outside the tests (exit ${status}): see the log above`
    : '';
console.log(`${passed} passed, ${failed} failed${outside}`);
