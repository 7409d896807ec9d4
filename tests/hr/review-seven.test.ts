import { describe, expect, it } from 'vitest';
import {
  type AssignmentSettings,
  issueLinks,
  linksCsv,
  settingsProblemsAt,
} from '../../src/hr/assignment.ts';
import { checkedAgainstText, checkRoster } from '../../src/hr/check-roster.ts';
import { cohort, cohortCsv } from '../../src/hr/cohort.ts';
import { findCodes } from '../../src/hr/find-codes.ts';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { parseRoster } from '../../src/hr/roster.ts';
import { tally } from '../../src/hr/tally.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { linkParams } from '../../src/links/address.ts';
import { readLink } from '../../src/links/links.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

// What a reviewer of HR's page found: a genuine result of another assignment graded into the
// cohort of the links file given, a forged file sent twice counted twice, codes the page
// could not read dropped without a word, a code split by a space given a wrong reason, and
// an accented assignment id refused as if é were no letter.

const GAME = 'https://game.example/index.html';
const A: AssignmentSettings = {
  session: 'academie-ventes-2026-12',
  scenario: 'tutorial',
  seed: 's42',
  perTrainee: true,
  passMark: 40,
  attempts: 2,
};
const aRoster = parseRoster(linksCsv(issueLinks(A, ['zoe', 'jose', 'lukasz'], GAME))).roster;
const codeOf = (trainee: string, session = A.session) =>
  encodeRecord(genuineRecord(trainee, 1, { session, seed: A.seed }), tutorial.scenario);

/** A check with A's links file given, as the page runs it. */
function checkWithLinks(text: string) {
  const items = readText(text, 'pasted text', scenarios);
  const against = checkRoster(items, [{ name: 'a-links.csv', roster: aRoster }], []);
  const graded = gradeAll(items, {
    scenarios,
    passMark: 50,
    roster: against.roster,
    linksOnly: against.from === 'links file',
  });
  return { against, graded, rows: cohort(graded, against.roster) };
}

describe('a result of another assignment, with a links file given', () => {
  const { against, graded, rows } = checkWithLinks(
    [codeOf('zoe'), codeOf('zoe', 'autre-2026-11')].join('\n'),
  );

  it('is replayed and listed apart, with the reason, never graded', () => {
    const other = graded[1]!;
    expect(other.outside).toMatch(/assignment "autre-2026-11" is not in the links file given/);
    expect(other).toMatchObject({ genuine: true, counts: false, trainee: 'zoe' });
    expect(other.grade).toBeUndefined();
    expect(other.passed).toBeUndefined();
    expect(graded[0]!.outside).toBeUndefined();
    expect(graded[0]!.grade).toBeDefined();
  });

  it('is not one of the assignment’s trainees, nor in its cohort file', () => {
    expect(rows.map((r) => [r.trainee, r.session])).toEqual([
      ['jose', A.session],
      ['lukasz', A.session],
      ['zoe', A.session],
    ]);
    expect(parseCsv(cohortCsv(rows)).flat()).not.toContain('autre-2026-11');
    expect(tally(graded)).toMatchObject({ records: 2, genuine: 1, outside: 1, notGenuine: 0 });
    expect(checkedAgainstText(against)).toContain(
      'autre-2026-11 is in no links file given: its results are listed apart: replayed, not graded.',
    );
  });

  it('without a links file, is graded on its own terms as before', () => {
    const items = readText(codeOf('zoe', 'autre-2026-11'), 'pasted text', scenarios);
    const [g] = gradeAll(items, { scenarios, passMark: 50 });
    expect(g!.outside).toBeUndefined();
    expect(g!.grade).toBeDefined();
  });
});

describe('a forged file sent twice', () => {
  it('counts once among the trainee’s results that are not genuine, as its row says', () => {
    const forged = JSON.stringify({
      ...genuineRecord('jose', 1, { session: A.session }),
      score: 99,
    });
    const items = [
      ...readText(forged, 'jose.json', scenarios),
      ...readText(forged, 'jose-again.json', scenarios),
    ];
    const graded = gradeAll(items, { scenarios, passMark: 50, roster: aRoster, linksOnly: true });
    expect(graded.map((g) => [g.genuine, g.duplicate])).toEqual([
      [false, false],
      [false, true],
    ]);
    const jose = cohort(graded, aRoster).find((r) => r.trainee === 'jose')!;
    expect(jose).toMatchObject({ status: 'no genuine result', rejected: 1 });
    const csv = parseCsv(cohortCsv([jose]));
    expect(csv[1]![csv[0]!.indexOf('not_genuine_submitted')]).toBe('1');
    expect(tally(graded)).toMatchObject({ notGenuine: 1, duplicates: 1 });
  });
});

describe('codes the page could not read', () => {
  const zoe = codeOf('zoe');

  it('reads a code whose prefix was written in small letters', () => {
    const [item] = readText(`mine: ${zoe.replace('TOW1-', 'tow1-')}`, 'mail', scenarios);
    expect(item!.record?.player).toBe('zoe');
    expect(findCodes(`Tow1-${zoe.slice(5)}`)).toEqual([{ code: zoe, line: 1 }]);
  });

  it('says so when the whole code came out in small letters, which no join can mend', () => {
    const [item] = readText(`mine: ${zoe.toLowerCase()}`, 'mail', scenarios);
    expect(item!.error).toMatch(/^the code came out all in small letters/);
  });

  it('gives a code of a format it does not know a row of its own, with the reason', () => {
    const items = readText(`a: TOW2-${zoe.slice(5)}\nb: ${codeOf('jose')}`, 'mail', scenarios);
    expect(items.map((i) => i.record?.player ?? i.error)).toEqual([
      '"TOW2-…": a code format this checker does not know (it reads TOW1- codes): is it up to date? Reload the page (or update the game) and check again',
      'jose',
    ]);
  });

  it('leaves alone words that merely start like a code', () => {
    expect(findCodes('We pulled the tow1-2 rope, then tow2-3.')).toEqual([]);
  });

  it('joins a code a space was put into, as it joins line breaks', () => {
    for (const at of [5, 20, 50, 90, zoe.indexOf('.'), zoe.indexOf('.') + 1, zoe.length - 2]) {
      const text = `code: ${zoe.slice(0, at)} ${zoe.slice(at)} thanks`;
      expect(findCodes(text), `space after ${at}`).toEqual([{ code: zoe, line: 1 }]);
    }
    // two spaces, and a line break after them
    const split = `${zoe.slice(0, 30)}  ${zoe.slice(30, 70)}\n> ${zoe.slice(70)}`;
    expect(findCodes(split)).toEqual([{ code: zoe, line: 1 }]);
  });

  it('still calls a code cut short, followed by a word, cut short', () => {
    const [item] = readText(`${zoe.slice(0, 60)} thanks`, 'mail', scenarios);
    expect(item!.error).toBe('the code is cut short: its checksum is missing');
  });

  it('never joins a cut code to the next code on its line', () => {
    const jose = codeOf('jose');
    const items = readText(`${zoe.slice(0, 60)} ${jose}`, 'mail', scenarios);
    expect(items.map((i) => i.record?.player ?? i.error)).toEqual([
      'the code is cut short: its checksum is missing',
      'jose',
    ]);
  });

  it('says a space is inside a code that joined still does not read, not that it is cut short', () => {
    const changed = `${zoe.slice(0, 50)} ${zoe.slice(50, 60)}${zoe[60] === 'A' ? 'B' : 'A'}${zoe.slice(61)}`;
    const [item] = readText(changed, 'mail', scenarios);
    expect(item!.error).toMatch(/^the code has a space inside it/);
    expect(item!.error).not.toMatch(/cut short: its checksum is missing/);
  });
});

describe('an accented assignment id', () => {
  it('is accepted, carried by the links, and its results are read back genuine', () => {
    const accented = { ...A, session: 'académie-ventes-2026-12' };
    expect(settingsProblemsAt(accented)).toEqual([]);
    const [link] = issueLinks(accented, ['zoe'], GAME);
    const read = readLink(linkParams(new URL(link!.url)));
    expect(read).toMatchObject({ ok: true });
    const roster = parseRoster(linksCsv([link!])).roster;
    const code = encodeRecord(
      genuineRecord('zoe', 1, { session: accented.session, seed: A.seed }),
      tutorial.scenario,
    );
    const [g] = gradeAll(readText(code, 'mail', scenarios), {
      scenarios,
      passMark: 50,
      roster,
      linksOnly: true,
    });
    expect(g).toMatchObject({ genuine: true, session: 'académie-ventes-2026-12' });
    expect(g!.outside).toBeUndefined();
  });

  it('refuses spaces and signs, with a rule that says what is allowed, at the id’s field', () => {
    for (const session of ['a b', 'sales/2026', 'x'.repeat(81), '']) {
      expect(settingsProblemsAt({ ...A, session })).toEqual([
        {
          field: 'session',
          problem:
            'the assignment id may hold letters (accented ones too), digits and . : _ - but no spaces or other signs, at most 80 characters',
        },
      ]);
    }
  });
});
