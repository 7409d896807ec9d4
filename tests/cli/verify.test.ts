import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { censuses } from '../../src/cli/census-pool.ts';
import { issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { traineeSeed } from '../../src/hr/binding.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord, type RecordExtra } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, playPolicy } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';

const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!;

function record(
  trainee: string,
  attempt: number,
  policy: 'random' | 'directive' = 'random',
  assessed: Pick<RecordExtra, 'terms' | 'finished'> = {},
) {
  const seed = traineeSeed('acme-q3', 's1', trainee);
  const { state } = playPolicy(tutorial.scenario, seed, policy);
  return makeRecord(tutorial.scenario, tutorial.hash, state, {
    player: trainee,
    session: 'acme-q3',
    attempt,
    ...assessed,
  });
}

function run(args: string[], cacheDir = tempDir('cache')) {
  const out = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TOW_CACHE_DIR: cacheDir },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run verify', () => {
  it('spreads the censuses over threads with the same results as one thread', async () => {
    const markets = Array.from({ length: 60 }, (_, i) => ({
      key: `m${i}`,
      scenario: tutorial.scenario,
      seed: `s${i}`,
    }));
    const pooled = await censuses(markets, 2);
    expect(pooled.size).toBe(60);
    for (const m of markets) expect(pooled.get(m.key)).toEqual(census(m.scenario, m.seed));
  });

  it('verifies a folder of codes, result files and simulate output; exit 0 when all are genuine', () => {
    const dir = tempDir('verify');
    writeFileSync(
      join(dir, 'codes.txt'),
      `alice: ${encodeRecord(record('alice', 1), tutorial.scenario)}\nbob: ${encodeRecord(record('bob', 1))}\n`,
    );
    writeFileSync(join(dir, 'carol.json'), JSON.stringify(resultFile(record('carol', 1))));
    writeFileSync(
      join(dir, 'sim.json'),
      JSON.stringify({ scenario: 'tutorial', record: record('alice', 2, 'directive') }),
    );
    writeFileSync(
      join(dir, 'links.csv'),
      linksCsv(
        issueLinks(
          {
            session: 'acme-q3',
            scenario: 'tutorial',
            seed: 's1',
            perTrainee: true,
            passMark: 40,
            attempts: 2,
          },
          ['alice', 'bob', 'carol'],
          'https://x/',
        ),
      ),
    );
    const csv = join(dir, 'cohort.csv');
    const r = run([
      join(dir, 'codes.txt'),
      join(dir, 'carol.json'),
      join(dir, 'sim.json'),
      '--links',
      join(dir, 'links.csv'),
      '--csv',
      csv,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('genuine'))).toHaveLength(4);
    expect(r.stdout).toMatch(
      /alice\s+acme-q3\s+tutorial\s+attempt 1\s+score \d+\s+percentile [\d.]+\s+(PASS|FAIL) \(mark 40, from the links file\)/,
    );
    expect(lines.at(-1)).toMatch(
      /^4 records from 3 files: 4 genuine .* 0 not genuine, 0 duplicates; 3 trainees/,
    );
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    const submitted = rows[0]!.indexOf('attempts_submitted');
    expect(rows.slice(1).map((row) => [row[0], row[submitted]])).toEqual([
      ['alice', '2'],
      ['bob', '1'],
      ['carol', '1'],
    ]);
  });

  // as on HR's page: with a links file the check is of its assignments only, so a genuine
  // result of another assignment is listed apart, not graded into this cohort (a reviewer
  // found it graded and written to the cohort CSV)
  it('lists a result of another assignment apart when a links file is given', () => {
    const dir = tempDir('verify');
    const seed = traineeSeed('autre-2026-11', 's1', 'zoe');
    const { state } = playPolicy(tutorial.scenario, seed, 'random');
    const other = makeRecord(tutorial.scenario, tutorial.hash, state, {
      player: 'zoe',
      session: 'autre-2026-11',
      attempt: 1,
    });
    writeFileSync(
      join(dir, 'codes.txt'),
      `alice: ${encodeRecord(record('alice', 1))}\nzoe: ${encodeRecord(other)}\n`,
    );
    writeFileSync(
      join(dir, 'links.csv'),
      linksCsv(
        issueLinks(
          {
            session: 'acme-q3',
            scenario: 'tutorial',
            seed: 's1',
            perTrainee: true,
            passMark: 40,
            attempts: 1,
          },
          ['alice', 'bob'],
          'https://x/',
        ),
      ),
    );
    const csv = join(dir, 'cohort.csv');
    const r = run([join(dir, 'codes.txt'), '--links', join(dir, 'links.csv'), '--csv', csv]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^APART\s+\S*codes\.txt, line 2: zoe\s+autre-2026-11 .*not part of this check: .*autre-2026-11/m,
    );
    expect(r.stdout).not.toMatch(/zoe .*(PASS|FAIL)/);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      /1 of another assignment \(listed apart\); 2 trainees \(1 sent nothing\)/,
    );
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['alice', 'bob']);
  });

  it('finds every code in a mail saved as text, wrapped ones joined', () => {
    const dir = tempDir('verify');
    const [a, b, c] = ['alice', 'bob', 'carol'].map((t) =>
      encodeRecord(record(t, 1), tutorial.scenario),
    );
    writeFileSync(
      join(dir, 'mail.txt'),
      [
        '[External] RE: Tug of War results',
        `alice: ${a!.slice(0, 70)}`,
        a!.slice(70),
        `> [1/2] ${b!.slice(0, 50)}`,
        `> [2/2] ${b!.slice(50)}`,
        `[10:42] Carol Diaz: ${c}`,
      ].join('\r\n'),
    );
    const r = run([join(dir, 'mail.txt')]);
    expect(r.stdout).toMatch(/^genuine\s+\S*mail\.txt, line 2: alice/m);
    expect(r.stdout).toMatch(/^genuine\s+\S*mail\.txt, line 4: bob/m);
    expect(r.stdout).toMatch(/^genuine\s+\S*mail\.txt, line 6: carol/m);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('names each record that is not genuine, with the reason, and exits 1', () => {
    const dir = tempDir('verify');
    const good = record('alice', 1);
    writeFileSync(join(dir, 'good.json'), JSON.stringify(resultFile(good)));
    writeFileSync(join(dir, 'score.json'), JSON.stringify({ ...good, score: 100 }));
    writeFileSync(join(dir, 'stolen.json'), JSON.stringify({ ...good, player: 'mallory' }));
    writeFileSync(
      join(dir, 'broken.txt'),
      encodeRecord(good).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    const r = run([dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NOT GENUINE\s+\S*score\.json: .*claims score 100/);
    expect(r.stdout).toMatch(
      /NOT GENUINE\s+\S*stolen\.json: mallory.*not dealt to trainee "mallory"/,
    );
    expect(r.stdout).toMatch(/NOT GENUINE\s+\S*broken\.txt: .*checksum/);
    expect(r.stdout).toMatch(/^genuine\s+\S*good\.json: alice/m);
  });

  it('writes a row for every assigned trainee; attempts over the limit or late do not pass', () => {
    const dir = tempDir('verify');
    const terms = { passMark: 0, attempts: 1, due: '2026-03-31' };
    const assessed = (finished: string) => ({ terms, finished });
    writeFileSync(
      join(dir, 'mail.txt'),
      [
        `alice: ${encodeRecord(record('alice', 1, 'random', assessed('2026-03-30')), tutorial.scenario)}`,
        `bob, attempt 2 of 1: ${encodeRecord(record('bob', 2, 'random', assessed('2026-03-30')), tutorial.scenario)}`,
        `carol, a day late: ${encodeRecord(record('carol', 1, 'random', assessed('2026-04-01')), tutorial.scenario)}`,
      ].join('\n'),
    );
    const links = issueLinks(
      { session: 'acme-q3', scenario: 'tutorial', seed: 's1', perTrainee: true, ...terms },
      ['alice', 'bob', 'carol', 'dave'],
      'https://x/',
    );
    writeFileSync(join(dir, 'links.csv'), linksCsv(links));
    const csv = join(dir, 'cohort.csv');
    for (const withLinks of [true, false]) {
      const r = run([
        join(dir, 'mail.txt'),
        ...(withLinks ? ['--links', join(dir, 'links.csv')] : []),
        '--csv',
        csv,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const from = withLinks ? 'from the links file' : "from the result's assignment";
      expect(r.stdout).toMatch(new RegExp(`alice .* PASS \\(mark 0, ${from}\\)\n`));
      expect(r.stdout).toMatch(/bob .* PASS \(mark 0, .*\) {2}DOES NOT COUNT .*over the 1 allowed/);
      expect(r.stdout).toMatch(/carol .* DOES NOT COUNT .*finished 2026-04-01, after the due date/);
      expect(r.stdout).toMatch(/3 genuine \(1 passed\)/);
      const [head, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
      const col = (name: string) => head!.indexOf(name);
      expect(
        rows.map((row) =>
          ['trainee', 'status', 'passed', 'attempts_used', 'over_limit', 'late'].map(
            (c) => row[col(c)],
          ),
        ),
      ).toEqual([
        ['alice', 'passed', 'yes', '1', 'no', 'no'],
        ['bob', 'over the limit or late only', 'no', '2', 'yes', 'no'],
        ['carol', 'over the limit or late only', 'no', '1', 'no', 'yes'],
        ...(withLinks ? [['dave', 'no result', 'no', '0', 'no', '']] : []),
      ]);
    }
  });

  it('says which pass mark it used for a result that carries none', () => {
    const dir = tempDir('verify');
    // a code from a game made before results carried their pass mark
    const old = { ...record('alice', 1), v: 1 };
    writeFileSync(join(dir, 'old.txt'), encodeRecord(old, tutorial.scenario));
    expect(run([dir]).stdout).toMatch(
      /alice .* \(mark 75, the default: give --pass or --links\) {2}\[.*no pass mark in the result or a links file: graded on the verifier's mark, 75/,
    );
    expect(run([dir, '--pass', '60']).stdout).toMatch(/\(mark 60, from --pass\)/);
  });

  it('says what is wrong with its arguments', () => {
    const r = run(['/no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder/);
  });
});
