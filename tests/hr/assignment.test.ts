import { describe, expect, it } from 'vitest';
import { issueLinks, linksCsv, parseTrainees, settingsProblems } from '../../src/hr/assignment.ts';
import { parseRoster, rosterKey } from '../../src/hr/roster.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { linkParams } from '../../src/links/address.ts';
import { readLink } from '../../src/links/links.ts';

const settings = {
  session: 'acme-q3',
  scenario: 'tutorial',
  seed: 's42',
  perTrainee: true,
  passMark: 60,
  attempts: 2,
  due: '2026-12-01',
};

describe('assignment links', () => {
  it('reads a pasted list, whatever separates the ids, and reports duplicates', () => {
    const { ids, problems } = parseTrainees('alice\nbob, carol;dave\t\n\nalice\n');
    expect(ids).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(problems).toEqual(['"alice" appears more than once; one link is made']);
  });

  it('makes one link per trainee that the game reads back with its own market', () => {
    const links = issueLinks(settings, ['alice', 'bob'], 'https://academy.example/tow/index.html');
    expect(links).toHaveLength(2);
    const read = readLink(linkParams(new URL(links[0]!.url)));
    expect(read?.ok).toBe(true);
    if (read?.ok && read.link.kind === 'assignment') {
      expect(read.link.trainee).toBe('alice');
      expect(read.link.seed).toBe(links[0]!.gameSeed);
      expect(read.link.passMark).toBe(60);
      expect(read.link.attempts).toBe(2);
      expect(read.link.due).toBe('2026-12-01');
    }
    expect(links[0]!.gameSeed).not.toBe(links[1]!.gameSeed);
    const same = issueLinks({ ...settings, perTrainee: false }, ['alice', 'bob'], 'https://x/');
    expect(same[0]!.gameSeed).toBe(same[1]!.gameSeed);
  });

  it('writes a links CSV that reads back as the roster, formula-looking ids included', () => {
    const links = issueLinks(settings, ['alice', '=cmd|x'], 'https://x/index.html');
    const { roster, error } = parseRoster(linksCsv(links));
    expect(error).toBeUndefined();
    const evil = roster.get(rosterKey('acme-q3', '=cmd|x'));
    expect(evil?.seed).toBe(links[1]!.gameSeed);
    expect(evil?.passMark).toBe(60);
    expect(linksCsv(links)).toContain("'=cmd|x");
  });

  it("lists each trainee's market by the short number the trainee sees, beside the whole seed", () => {
    const links = issueLinks(settings, ['alice'], 'https://x/');
    const [head, row] = parseCsv(linksCsv(links));
    const seed = row![head!.indexOf('seed')]!;
    expect(seed).toBe(links[0]!.gameSeed);
    expect(seed.length).toBeGreaterThan(8);
    expect(row![head!.indexOf('market')]).toBe(`#…${seed.slice(-4)}`);
  });

  it('names every bad setting', () => {
    const bad = settingsProblems({
      ...settings,
      session: 'a b',
      passMark: 101,
      attempts: 0,
      due: 'soon',
    });
    expect(bad).toHaveLength(4);
    expect(settingsProblems(settings)).toEqual([]);
  });

  it('refuses a due date that does not exist, which no result could carry', () => {
    expect(settingsProblems({ ...settings, due: '2026-02-30' })).toEqual([
      'the due date is a date (YYYY-MM-DD) from 2000 on',
    ]);
    // a link edited by hand to such a date, or to a pass mark with decimals, is refused
    // by the game with the reason, before any game is played on it
    for (const [edit, why] of [
      [{ due: '2026-02-30' }, 'the assignment link has an invalid due date'],
      [{ passMark: 60.5 }, 'the assignment link has no valid pass mark'],
    ] as const) {
      const [link] = issueLinks({ ...settings, ...edit }, ['alice'], 'https://x/index.html');
      expect(readLink(linkParams(new URL(link!.url)))).toEqual({ ok: false, error: why });
    }
  });
});
