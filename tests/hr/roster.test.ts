import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { parseRoster } from '../../src/hr/roster.ts';
import { parseCsv, toCsv, unguard } from '../../src/lib/csv.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

// The links CSV goes out with the links and comes back to the verifier: every trainee id
// must come back exactly as it went, or that trainee's genuine result is refused.

const settings = {
  session: 'acme-q3',
  scenario: 'tutorial',
  seed: 's42',
  perTrainee: true,
  passMark: 0,
  attempts: 2,
};
const ids = ["'=boss", "'+1", "''@x", "' -1", '=SUM(A1)', "o'neil", "'plain", '-2'];

describe('the links CSV read back', () => {
  it('gives back ids that start with an apostrophe, and their results are on the list', () => {
    const csv = linksCsv(issueLinks(settings, ids, 'https://game.example/'));
    const { roster, error } = parseRoster(csv);
    expect(error).toBeUndefined();
    expect([...roster.values()].map((e) => e.trainee)).toEqual(ids);
    const codes = ids.map((id) => encodeRecord(genuineRecord(id), tutorial.scenario)).join('\n');
    const graded = gradeAll(readText(codes, 'mail', scenarios), { scenarios, passMark: 0, roster });
    expect(graded.map((g) => [g.trainee, g.genuine ? 'genuine' : g.reason])).toEqual(
      ids.map((id) => [id, 'genuine']),
    );
  });

  it('still guards every cell a spreadsheet would run, and reads any text back whole', () => {
    expect(toCsv(['id'], [["'=boss"]])).toBe("id\r\n''=boss\r\n");
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("'", '=', '+', '-', '@', ' ', '\t', '\r', '\n', 'x', ',', '"'),
        }),
        (text) => {
          const cell = parseCsv(toCsv(['h'], [[text]]))[1]?.[0] ?? '';
          expect(unguard(cell)).toBe(text);
          // what a spreadsheet sees never starts a formula
          expect(cell).not.toMatch(/^(\s*[=+\-@]|\t)/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
