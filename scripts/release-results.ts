// node scripts/cli.mjs scripts/release-results.ts <out.json> <release>: results as a released
// game makes them, for tests/record/releases.test.ts. Run it in a checkout of the release
// (copy this file there): the release's own code plays every shipped scenario, on a few
// seeds and policies, and writes each result's code, score and fair score, with two result
// files. Those are what trainees handed HR; every later version must still call them
// genuine and grade them as they were graded, which is what the test checks.
import { writeFileSync } from 'node:fs';
import { encodeRecord } from '../src/record/code.ts';
import { makeRecord } from '../src/record/record.ts';
import { resultFile } from '../src/record/result-file.ts';
import { loadBundledScenarios } from '../src/scenario/bundled.ts';
import { fairScoreOf, playPolicy } from '../src/sim/index.ts';

const [out, release] = process.argv.slice(2);
if (!out || !release) {
  console.error('usage: node scripts/cli.mjs scripts/release-results.ts <out.json> <release>');
  process.exit(2);
}
// who-owns has the people who leave, so it gets more games, with the styles that lose them
const playsOf = (id: string): [string, string][] =>
  id === 'who-owns'
    ? ['directive', 'random'].flatMap((policy) =>
        Array.from({ length: 12 }, (_, i): [string, string] => [policy, `${release}-${i + 1}`]),
      )
    : [
        ['random', `${release}-1`],
        ['collaborative', `${release}-2`],
      ];
const results: unknown[] = [];
for (const b of loadBundledScenarios()) {
  for (const [policy, seed] of playsOf(b.scenario.id)) {
    const { state } = playPolicy(b.scenario, seed, policy);
    const record = makeRecord(b.scenario, b.hash, state, {
      player: `${b.scenario.id}-${policy}-${seed}@acme.example`,
      session: 'acme-q3',
      attempt: 1,
      finished: '2026-12-06',
    });
    const grade = fairScoreOf(b.scenario, state);
    const file = results.length < 2 ? { file: resultFile(record, b.scenario) } : {};
    results.push({
      code: encodeRecord(record, b.scenario),
      score: grade.raw,
      fairScore: grade.grade,
      ...file,
    });
  }
}
const madeBy = `scripts/release-results.ts run at ${release}: every shipped scenario played by the release's own code`;
writeFileSync(out, `${JSON.stringify({ release, madeBy, results }, null, 1)}\n`);
console.log(`${results.length} results written to ${out}`);
