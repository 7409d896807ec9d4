import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type AssignmentSettings, issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { checkedAgainstText, checkRoster } from '../../src/hr/check-roster.ts';
import { cohort, cohortCsv } from '../../src/hr/cohort.ts';
import { CLAIMED_NOTE, gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { forget, rebuiltLinks, remember, rememberedAssignments } from '../../src/hr/remembered.ts';
import { parseRoster } from '../../src/hr/roster.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

// What HR's browser remembers of the assignments made in it, and what a check of results
// is held against: a links file given means that file only; without one, the remembered
// assignments the results name, never every assignment ever made in the browser.

/** a browser's storage, fresh for each test */
function stubStorage(): Map<string, string> {
  const kept = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, String(v)),
    removeItem: (k: string) => void kept.delete(k),
  });
  return kept;
}

const GAME = 'https://game.example/index.html';
const A: AssignmentSettings = {
  session: 'acme-q3',
  scenario: 'tutorial',
  seed: 's42',
  perTrainee: true,
  passMark: 30,
  attempts: 2,
  due: '2030-01-31',
};
const B: AssignmentSettings = {
  session: 'onboarding-11',
  scenario: 'silos',
  seed: 'b7',
  perTrainee: true,
  passMark: 60,
  attempts: 1,
};
const aLinks = issueLinks(A, ['alice', 'bob', 'carol'], GAME);
const bLinks = issueLinks(B, ['anna', 'bernd', 'carla', 'dieter', 'emil'], GAME);
const aliceResult = () => readText(encodeRecord(genuineRecord('alice')), 'alice.json', scenarios);

let storage: Map<string, string>;
beforeEach(() => {
  storage = stubStorage();
  remember(aLinks, GAME, new Date('2026-12-01T09:00:00Z'));
  remember(bLinks, GAME, new Date('2026-12-02T09:00:00Z'));
});

describe('the roster a check is held against', () => {
  it('without a links file: only the remembered assignment the results name', () => {
    const items = aliceResult();
    const against = checkRoster(items, [], rememberedAssignments());
    expect(against.from).toBe('remembered');
    expect([...against.roster.values()].map((e) => e.trainee).sort()).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    const rows = cohort(
      gradeAll(items, { scenarios, passMark: 50, roster: against.roster }),
      against.roster,
    );
    // A's three trainees, not B's five as well: the reviewer's "8 trainees, 7 sent nothing"
    expect(rows.map((r) => r.trainee).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(rows.filter((r) => r.status === 'no result')).toHaveLength(2);
    const csv = parseCsv(cohortCsv(rows));
    expect(csv.flat()).not.toContain('anna');
    expect(checkedAgainstText(against)).toContain(
      'checked against the assignment this browser remembers that the results name, acme-q3 (tutorial, 3 trainees)',
    );
  });

  it("with a links file: that file's trainees only, whatever the browser remembers", () => {
    const file = parseRoster(linksCsv(aLinks.slice(0, 2)));
    const against = checkRoster(
      aliceResult(),
      [{ name: 'acme-q3-links.csv', roster: file.roster }],
      rememberedAssignments(),
    );
    expect(against.from).toBe('links file');
    expect([...against.roster.values()].map((e) => e.trainee)).toEqual(['alice', 'bob']);
    expect(checkedAgainstText(against)).toBe(
      ' Checked against the links file acme-q3-links.csv: assignment acme-q3 (tutorial, 2 trainees).',
    );
  });

  it('results of two assignments: both, and the status names each', () => {
    const anna = genuineRecord('anna', 1, {
      session: 'onboarding-11',
      seed: 'b7',
      scenario: scenarios.get('silos')!.scenario,
      hash: scenarios.get('silos')!.hash,
    });
    const items = [...aliceResult(), ...readText(encodeRecord(anna), 'anna.json', scenarios)];
    const against = checkRoster(items, [], rememberedAssignments());
    expect(against.roster.size).toBe(8);
    expect(checkedAgainstText(against)).toContain(
      'onboarding-11 (silos, 5 trainees) and acme-q3 (tutorial, 3 trainees)',
    );
  });

  it('an assignment neither given nor remembered: replay only, and the status says so', () => {
    const other = genuineRecord('zed', 1, { session: 'elsewhere-1' });
    const items = readText(encodeRecord(other), 'zed.json', scenarios);
    const against = checkRoster(items, [], rememberedAssignments());
    expect(against.from).toBe('none');
    expect(against.roster.size).toBe(0);
    expect(checkedAgainstText(against)).toMatch(/checked by replay only/);
  });
});

describe('the assignments this browser remembers', () => {
  it('lists each with its scenario, trainees and when it was made, the last made first', () => {
    expect(
      rememberedAssignments().map((a) => [a.session, a.scenario, a.entries.length, a.made]),
    ).toEqual([
      ['onboarding-11', 'silos', 5, '2026-12-02T09:00:00.000Z'],
      ['acme-q3', 'tutorial', 3, '2026-12-01T09:00:00.000Z'],
    ]);
  });

  it('rebuilds the very links that were made: the same seeds, addresses and links file', () => {
    const a = rememberedAssignments().find((x) => x.session === 'acme-q3')!;
    const again = rebuiltLinks(a)!;
    expect(again.map((l) => l.url)).toEqual(aLinks.map((l) => l.url));
    expect(linksCsv(again)).toBe(linksCsv(aLinks));
  });

  it('links made again under the same id replace those trainees and keep the others', () => {
    remember(issueLinks(A, ['carol', 'dan'], GAME), GAME, new Date('2026-12-03T09:00:00Z'));
    const a = rememberedAssignments()[0]!;
    expect(a.session).toBe('acme-q3');
    expect(a.entries.map((e) => e.trainee)).toEqual(['alice', 'bob', 'carol', 'dan']);
  });

  it('forgets one assignment, and a check no longer holds results against it', () => {
    forget('acme-q3');
    expect(rememberedAssignments().map((a) => a.session)).toEqual(['onboarding-11']);
    expect(checkRoster(aliceResult(), [], rememberedAssignments()).roster.size).toBe(0);
  });

  it("reads an earlier version's list: checked against, but its links are not offered again", () => {
    storage.clear();
    const old = aLinks.map((l) => ({
      trainee: l.trainee,
      session: 'acme-q3',
      scenario: 'tutorial',
      seed: l.gameSeed,
      passMark: 30,
      attempts: 2,
      due: '2030-01-31',
    }));
    storage.set('tow.hr.roster.v1', JSON.stringify(old));
    const [a] = rememberedAssignments();
    expect(a!.session).toBe('acme-q3');
    expect(a!.made).toBeUndefined();
    expect(a!.entries).toHaveLength(3);
    expect(rebuiltLinks(a!)).toBeNull();
    expect(checkRoster(aliceResult(), [], rememberedAssignments()).roster.size).toBe(3);
    // new links made beside it do not list its trainees twice
    remember(bLinks, GAME, new Date('2026-12-04T09:00:00Z'));
    expect(rememberedAssignments().map((x) => [x.session, x.entries.length])).toEqual([
      ['onboarding-11', 5],
      ['acme-q3', 3],
    ]);
    forget('acme-q3');
    expect(rememberedAssignments().map((x) => x.session)).toEqual(['onboarding-11']);
  });
});

describe('a file that is not genuine names what it claims', () => {
  it("a file whose record and code disagree: its trainee, assignment, scenario and market, marked as the file's claim", () => {
    const rec = genuineRecord('bob');
    const file = resultFile(rec, tutorial.scenario);
    const edited = { ...file, record: { ...file.record, score: (rec.score ?? 0) + 30 } };
    const [g] = gradeAll(readText(JSON.stringify(edited), 'bob.json', scenarios), {
      scenarios,
      passMark: 50,
    });
    expect(g).toMatchObject({
      genuine: false,
      claimed: true,
      trainee: 'bob',
      session: 'acme-q3',
      scenario: 'tutorial',
      seed: rec.seed,
      attempt: 1,
    });
    expect(g!.reason).toMatch(/record and its code disagree/);
    expect(g!.notes).toContain(CLAIMED_NOTE);
    expect(g!.grade).toBeUndefined();
    // and with the assignment's links, its trainee's row counts it as sent, not genuine
    const roster = parseRoster(linksCsv(aLinks)).roster;
    const row = cohort([g!], roster).find((r) => r.trainee === 'bob');
    expect(row).toMatchObject({ status: 'no genuine result', rejected: 1 });
  });
});
