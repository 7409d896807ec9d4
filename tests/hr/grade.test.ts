import { describe, expect, it } from 'vitest';
import { issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { traineeSeed } from '../../src/hr/binding.ts';
import { cohort, cohortCsv } from '../../src/hr/cohort.ts';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { parseRoster } from '../../src/hr/roster.ts';
import { genuineText, tally } from '../../src/hr/tally.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { marketNumber } from '../../src/lib/market-number.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { census, percentile, playChoices, playPolicy, score } from '../../src/sim/index.ts';
import { recordFor } from '../../src/ui/result.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

const ctx = { scenarios, passMark: 50 };

describe('verifying results', () => {
  it('grades a genuine code on its fair score: the percentile among all strategies', () => {
    const rec = genuineRecord('alice');
    const [g] = gradeAll(readText(encodeRecord(rec), 'mail', scenarios), ctx);
    const replayed = score(
      tutorial.scenario.rubric,
      playChoices(tutorial.scenario, rec.seed, rec.choices),
    );
    const pct = percentile(census(tutorial.scenario, rec.seed), replayed);
    expect(g).toMatchObject({ genuine: true, trainee: 'alice', score: replayed, percentile: pct });
    expect(g!.passed).toBe(Math.round(pct) >= 50);
  });

  it('reads codes among other text, result files, simulate output and bare records', () => {
    const a = genuineRecord('a');
    const b = genuineRecord('b');
    const c = genuineRecord('c');
    const d = genuineRecord('d');
    const items = [
      ...readText(
        `Hi, here is mine: ${encodeRecord(a)}\nand Bob's ${encodeRecord(b)} thanks`,
        'mail',
        scenarios,
      ),
      ...readText(JSON.stringify(resultFile(c)), 'c.json', scenarios),
      ...readText(
        JSON.stringify({ scenario: 'tutorial', score: 1, record: d }),
        'sim.json',
        scenarios,
      ),
      ...readText(JSON.stringify(d), 'bare.json', scenarios),
    ];
    const graded = gradeAll(items, ctx);
    expect(graded.map((g) => g.trainee)).toEqual(['a', 'b', 'c', 'd', 'd']);
    expect(graded.every((g) => g.genuine)).toBe(true);
    expect(graded[4]!.duplicate).toBe(true);
    expect(graded[4]!.notes[0]).toMatch(/duplicate of sim.json/);
  });

  it('reads back as genuine the result file the game downloads for an assignment', () => {
    const { state } = playPolicy(
      tutorial.scenario,
      traineeSeed('acme-q3', 's1', 'alice'),
      'random',
    );
    const context = {
      kind: 'assignment',
      session: 'acme-q3',
      trainee: 'alice',
      passMark: 40,
      attempts: 1,
      attempt: 1,
      due: '2026-03-31',
      finished: '2026-03-30',
    } as const;
    // as the debrief's download link writes it (src/ui/result.ts)
    const file = JSON.stringify(resultFile(recordFor(tutorial, state, context), tutorial.scenario));
    const [g] = gradeAll(readText(file, 'tow-acme-q3-alice-1.json', scenarios), ctx);
    expect(g).toMatchObject({ genuine: true, trainee: 'alice' });
  });

  it('sees the same game as a code and as a record written in another field order as one', () => {
    const rec = genuineRecord('alice', 1, {
      assessed: { terms: { passMark: 40, attempts: 2, due: '2026-03-31' }, finished: '2026-03-30' },
    });
    // a record as a spreadsheet macro or another tool might write it: same fields, other order
    const { terms, session, player, ...rest } = rec;
    const reordered = {
      session,
      player,
      terms: { due: terms!.due, attempts: 2, passMark: 40 },
      ...rest,
    };
    const graded = gradeAll(
      [
        ...readText(encodeRecord(rec), 'mail', scenarios),
        ...readText(JSON.stringify(reordered), 'alice.json', scenarios),
      ],
      ctx,
    );
    expect(graded.map((g) => [g.genuine, g.duplicate])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('lists edited records as not genuine, with the reason, and does not grade them', () => {
    const rec = genuineRecord('alice');
    const other = tutorial.scenario.situations[0]!.choices.find((c) => c.id !== rec.choices[0])!.id;
    const cases: [object, RegExp][] = [
      [{ ...rec, score: (rec.score ?? 0) + 7 }, /claims score/],
      [{ ...rec, player: 'mallory' }, /not dealt to trainee "mallory"/],
      [{ ...rec, hash: '0000000000000000' }, /neither that edition/],
      [{ ...rec, game: '9.0.0' }, /game version/],
      [{ ...rec, choices: ['nonsense', ...rec.choices.slice(1)] }, /do not replay/],
      [{ ...rec, choices: rec.choices.slice(0, 1) }, /unfinished/],
      [{ ...rec, scenario: 'nope' }, /unknown scenario/],
    ];
    for (const [edited, why] of cases) {
      const [g] = gradeAll(readText(JSON.stringify(edited), 'f.json', scenarios), ctx);
      expect(g!.genuine, JSON.stringify(edited)).toBe(false);
      expect(g!.reason).toMatch(why);
      expect(g!.grade).toBeUndefined();
      expect(g!.passed).toBeUndefined();
    }
    // a choice edit that keeps the path valid: caught by the claimed score or by the file's code
    const moved = { ...rec, choices: [other, ...rec.choices.slice(1)] };
    const [g] = gradeAll(
      readText(JSON.stringify({ ...resultFile(rec), record: moved }), 'f.json', scenarios),
      ctx,
    );
    expect(g!.genuine).toBe(false);
    expect(g!.reason).toMatch(/disagree/);
  });

  it('checks results against the links file: market dealt, roster, attempts allowed', () => {
    const settings = {
      session: 'acme-q3',
      scenario: 'tutorial',
      seed: 's42',
      perTrainee: true,
      passMark: 30,
      attempts: 1,
    };
    const { roster } = parseRoster(linksCsv(issueLinks(settings, ['alice', 'bob'], 'https://x/')));
    const withRoster = { ...ctx, roster };
    const alice = genuineRecord('alice');
    const [ok] = gradeAll(readText(encodeRecord(alice), 'a', scenarios), withRoster);
    expect(ok).toMatchObject({ genuine: true, passMark: 30 });
    const stranger = genuineRecord('zed');
    const [no] = gradeAll(readText(encodeRecord(stranger), 'z', scenarios), withRoster);
    expect(no!.reason).toMatch(/not on this assignment/);
    const [late] = gradeAll(
      readText(encodeRecord(genuineRecord('bob', 2)), 'b', scenarios),
      withRoster,
    );
    expect(late!.notes.join()).toMatch(/over the 1 allowed/);
    const plain = genuineRecord('alice', 1, { perTrainee: false });
    const [moved] = gradeAll(readText(encodeRecord(plain), 'p', scenarios), withRoster);
    expect(moved!.reason).toMatch(/not the market this trainee was dealt/);
  });

  it('exports one cohort row per trainee with the best attempt and every attempt', () => {
    const recs = [
      genuineRecord('alice', 1),
      genuineRecord('alice', 2, { seed: 'other' }),
      genuineRecord('bob', 1),
    ];
    const forged = { ...genuineRecord('bob', 2), score: 100 };
    const graded = gradeAll(
      [
        ...recs.flatMap((r, i) => readText(encodeRecord(r), `r${i}`, scenarios)),
        ...readText(JSON.stringify(forged), 'x', scenarios),
      ],
      ctx,
    );
    const rows = cohort(graded);
    expect(rows.map((r) => r.trainee)).toEqual(['alice', 'bob']);
    const alice = rows[0]!;
    expect(alice.attempts).toHaveLength(2);
    expect(alice.best!.grade).toBe(Math.max(...alice.attempts.map((a) => a.grade!)));
    expect(rows[1]!.rejected).toBe(1);
    const csv = parseCsv(cohortCsv(rows));
    expect(csv[0]).toContain('best_fair_score');
    expect(csv).toHaveLength(3);
    expect(csv[1]![csv[0]!.indexOf('all_attempts')]).toMatch(/^#1: \d+% .*; #2: /);
    // the best attempt's market: the short number a trainee quotes, and the whole seed to check
    const best = alice.best!.seed;
    expect(best.length).toBeGreaterThan(0);
    expect(csv[1]![csv[0]!.indexOf('best_seed')]).toBe(best);
    expect(csv[1]![csv[0]!.indexOf('best_market')]).toBe(`#${marketNumber(best)}`);
  });
});

describe('practice results', () => {
  // the result file the game downloads after a practice game (src/ui/result.ts)
  const { state } = playPolicy(tutorial.scenario, 'p1', 'random');
  const practiceFile = resultFile(
    recordFor(tutorial, state, { kind: 'practice' }),
    tutorial.scenario,
  );
  const items = [
    ...readText(encodeRecord(genuineRecord('alice')), 'alice.txt', scenarios),
    ...readText(JSON.stringify(practiceFile), 'tow-practice-tutorial-p1.json', scenarios),
  ];

  it('are replayed and listed as practice, never graded or counted', () => {
    const graded = gradeAll(items, ctx);
    const practice = graded[1]!;
    expect(practice).toMatchObject({ genuine: true, practice: true, counts: false });
    expect(practice.passed).toBeUndefined();
    expect(practice.notes).toContain('practice: not counted');
    expect(tally(graded)).toMatchObject({ records: 2, genuine: 1, practice: 1, notGenuine: 0 });
    expect(genuineText(tally(graded))).toMatch(
      /^1 genuine \(\d passed\), 1 practice \(not counted\)$/,
    );
  });

  it('add no row to the cohort, nor to its CSV', () => {
    const rows = cohort(gradeAll(items, ctx));
    expect(rows.map((r) => r.trainee)).toEqual(['alice']);
    expect(parseCsv(cohortCsv(rows))).toHaveLength(2);
  });
});
