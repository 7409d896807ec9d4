import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueLinks, linksCsv } from '../hr/assignment.ts';
import { traineeSeed } from '../hr/binding.ts';
import { encodeRecord } from '../record/code.ts';
import { makeRecord } from '../record/record.ts';
import { resultFile } from '../record/result-file.ts';
import { loadBundledScenarios } from '../scenario/bundled.ts';
import { playPolicy } from '../sim/index.ts';

// Writes a folder of genuine results for the verify command: result files and files of
// codes, `trainees` trainees with `attempts` attempts each, per-trainee markets or one.
// For the verify benchmarks (npm run bench, tests/hr/bench-verify.ts) and tests.

export function makeResults(
  dir: string,
  scenarioId: string,
  trainees: number,
  attempts: number,
  same: boolean,
): number {
  const b = loadBundledScenarios().find((x) => x.scenario.id === scenarioId)!;
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const codes: string[] = [];
  for (let t = 0; t < trainees; t++) {
    const trainee = `trainee${t}@acme.example`;
    const seed = same ? 'cohort1' : traineeSeed('acme-q3', 'cohort1', trainee);
    for (let a = 1; a <= attempts; a++) {
      const { state } = playPolicy(
        b.scenario,
        `${seed}`,
        a === 1 ? 'random' : a === 2 ? 'collaborative' : 'directive',
      );
      const rec = makeRecord(b.scenario, b.hash, state, {
        player: trainee,
        session: 'acme-q3',
        attempt: a,
      });
      if (n % 2 === 0)
        writeFileSync(join(dir, `r${n}.json`), JSON.stringify(resultFile(rec, b.scenario)));
      else codes.push(`${trainee}: ${encodeRecord(rec, b.scenario)}`);
      n++;
    }
  }
  writeFileSync(join(dir, 'codes.txt'), codes.join('\n'));
  return n;
}

/** The links file HR would have downloaded for the trainees makeResults() plays. */
export function linksFor(scenarioId: string, trainees: number, attempts: number, same: boolean) {
  const ids = Array.from({ length: trainees }, (_, t) => `trainee${t}@acme.example`);
  const settings = {
    session: 'acme-q3',
    scenario: scenarioId,
    seed: 'cohort1',
    perTrainee: !same,
    passMark: 60,
    attempts,
  };
  return linksCsv(issueLinks(settings, ids, 'https://example.test/'));
}
