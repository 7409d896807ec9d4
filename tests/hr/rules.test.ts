import { describe, expect, it } from 'vitest';
import { issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { traineeSeed } from '../../src/hr/binding.ts';
import { cohort, cohortCsv } from '../../src/hr/cohort.ts';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { parseRoster } from '../../src/hr/roster.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { recordFor } from '../../src/ui/result.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

// Each result is held to its own assignment's pass mark, attempt limit and due date: the
// links file's when HR gives it, else the ones the result carries from its link, else the
// verifier's mark, said aloud. Attempts over the limit and late results do not pass.

const verifierMark = 50;
const ctx = { scenarios, passMark: verifierMark };
const terms = { passMark: 0, attempts: 1, due: '2026-03-31' };
const settings = {
  session: 'acme-q3',
  scenario: 'tutorial',
  seed: 's42',
  perTrainee: true,
  ...terms,
};

/** The links file HR downloaded, read back as the verifier reads it. */
function rosterOf(trainees: string[], over: Partial<typeof settings> = {}) {
  return parseRoster(linksCsv(issueLinks({ ...settings, ...over }, trainees, 'https://x/'))).roster;
}

/** A code as a trainee pastes it into a mail (codes wrapped over lines: src/hr/intake.ts). */
function mailed(code: string): string {
  return `Hello HR, my result:\n${code}\nRegards`;
}

function assessed(trainee: string, attempt: number, finished: string, over = {}) {
  return genuineRecord(trainee, attempt, { assessed: { terms: { ...terms, ...over }, finished } });
}

describe('the pass mark a result is graded on', () => {
  it('is the one its assignment link gave, in a file the game downloaded, without the links file', () => {
    const seed = traineeSeed('acme-q3', 's1', 'alice');
    const { state } = playPolicy(tutorial.scenario, seed, 'random');
    const context = {
      kind: 'assignment',
      session: 'acme-q3',
      trainee: 'alice',
      passMark: 100,
      attempts: 1,
      attempt: 1,
    } as const;
    const file = JSON.stringify(resultFile(recordFor(tutorial, state, context), tutorial.scenario));
    const [g] = gradeAll(readText(file, 'tow-acme-q3-alice-1.json', scenarios), ctx);
    expect(g).toMatchObject({ genuine: true, passMark: 100, passMarkFrom: 'result' });
    // no game of the tutorial beats every strategy of its market and its own: a fail
    expect(g!.passed).toBe(g!.grade! >= 100);
  });

  it('is said aloud when neither the result nor a links file gives one', () => {
    const old = { ...genuineRecord('alice'), v: 1 };
    const [g] = gradeAll(
      readText(mailed(encodeRecord(old, tutorial.scenario)), 'mail', scenarios),
      ctx,
    );
    expect(g).toMatchObject({ genuine: true, passMark: verifierMark, passMarkFrom: 'verifier' });
    expect(g!.notes).toContain(
      "no pass mark in the result or a links file: graded on the verifier's mark, 50",
    );
  });

  it('is the links file’s, and a result whose terms differ from it is not genuine', () => {
    const roster = rosterOf(['alice', 'bob']);
    const good = assessed('alice', 1, '2026-03-30');
    const [ok] = gradeAll(readText(mailed(encodeRecord(good, tutorial.scenario)), 'a', scenarios), {
      ...ctx,
      roster,
    });
    expect(ok).toMatchObject({ genuine: true, passMark: 0, passMarkFrom: 'links file' });
    // bob re-encodes his code with a lower mark, more attempts or a later due date
    for (const edit of [{ passMark: 10 }, { attempts: 3 }, { due: '2026-12-31' }]) {
      const forged = assessed('bob', 1, '2026-03-30', edit);
      const [g] = gradeAll(readText(encodeRecord(forged), 'b', scenarios), { ...ctx, roster });
      expect(g!.genuine, JSON.stringify(edit)).toBe(false);
      expect(g!.reason).toMatch(
        /^the result says pass mark .*; the links file says pass mark 0, 1 attempt, due 2026-03-31: the result was edited/,
      );
      expect(g!.grade).toBeUndefined();
    }
  });
});

describe('the cohort CSV', () => {
  it('has a row for every assigned trainee, and attempts over the limit or late do not pass', () => {
    const roster = rosterOf(['alice', 'bob', 'carol', 'dave']);
    // a pass mark of 0: every game passes on its score, so only the rules can fail one
    const codes = [
      assessed('alice', 1, '2026-03-31'),
      assessed('bob', 2, '2026-03-20'), // "attempt 2 of 1": the browser kept counting
      assessed('carol', 1, '2026-04-01'), // a day after the due date, by her clock
    ].map((r) => mailed(encodeRecord(r, tutorial.scenario)));
    for (const withLinks of [true, false]) {
      const graded = gradeAll(
        codes.flatMap((c, i) => readText(c, `mail ${i}`, scenarios)),
        withLinks ? { ...ctx, roster } : ctx,
      );
      expect(graded.every((g) => g.genuine && g.passed)).toBe(true);
      const csv = parseCsv(cohortCsv(cohort(graded, withLinks ? roster : undefined)));
      const head = csv[0]!;
      const rows = csv.slice(1).map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
      const pick = (r: Record<string, string | undefined>) => [
        r.trainee,
        r.status,
        r.passed,
        r.attempts_allowed,
        r.attempts_used,
        r.over_limit,
        r.due,
        r.finished_on,
        r.late,
      ];
      const expected = [
        ['alice', 'passed', 'yes', '1', '1', 'no', '2026-03-31', '2026-03-31', 'no'],
        [
          'bob',
          'over the limit or late only',
          'no',
          '1',
          '2',
          'yes',
          '2026-03-31',
          '2026-03-20',
          'no',
        ],
        [
          'carol',
          'over the limit or late only',
          'no',
          '1',
          '1',
          'no',
          '2026-03-31',
          '2026-04-01',
          'yes',
        ],
        ...(withLinks ? [['dave', 'no result', 'no', '1', '0', 'no', '2026-03-31', '', '']] : []),
      ];
      expect(rows.map(pick), withLinks ? 'with the links file' : 'from the results alone').toEqual(
        expected,
      );
      expect(rows[0]!.pass_mark_from).toBe(withLinks ? 'links file' : 'result');
    }
  });
});
