import { describe, expect, it } from 'vitest';
import { MAX_ISSUES } from '../../src/scenario/load.ts';
import { MAX_CHARS } from '../../src/scenario/safety.ts';
import { BASE, errors, load } from './helpers.ts';

// A file can hold tens of thousands of mistakes (a pasted export, a file of something
// else). The author needs the first few and the count, and the check must come back
// quickly: listing 40,000 stray keys once took minutes and froze the workshop page.

/** The base scenario with `n` lines of `line(i)` added after `after`. */
function withLines(n: number, line: (i: number) => string, after = ''): string {
  const lines = Array.from({ length: n }, (_, i) => line(i)).join('\n');
  return after ? BASE.replace(after, `${after}${lines}\n`) : `${BASE}${lines}\n`;
}

const baseLines = BASE.split('\n').length;

describe('a file with very many problems', () => {
  it(`lists the first ${MAX_ISSUES}, then says how many more there are`, () => {
    const result = load(withLines(2000, (i) => `stray${i}: 1`));
    const lines = errors(result);
    expect(lines).toHaveLength(MAX_ISSUES + 1);
    expect(lines[0]).toBe(
      `${baseLines}:1: stray0: unknown key; expected one of schemaVersion, id, title, summary, goals, quarters, currency, styles, team, competitors, customer, markets, params, situations, events, rubric, debrief`,
    );
    expect(lines[MAX_ISSUES - 1]).toMatch(new RegExp(`^${baseLines + 49}:1: stray49: unknown key`));
    expect(lines[MAX_ISSUES]).toBe(
      `${baseLines + 50}:1: : … and 1950 more problems, not listed: fix the ones above and check again`,
    );
    expect(!result.ok && result.problems).toBe(2000);
  });

  it('says "1 more problem" when one is left out, and lists everything up to the cap', () => {
    const one = load(withLines(MAX_ISSUES + 1, (i) => `stray${i}: 1`));
    expect(errors(one).at(-1)).toMatch(/: … and 1 more problem, not listed/);
    const all = load(withLines(MAX_ISSUES, (i) => `stray${i}: 1`));
    expect(errors(all)).toHaveLength(MAX_ISSUES);
    expect(errors(all).at(-1)).toMatch(/stray49: unknown key/);
  });

  it('caps keys written twice, as it caps every other kind of problem', () => {
    const lines = errors(load(withLines(3000, () => '  trust: 0.2', '  trust: 0.2\n')));
    expect(lines).toHaveLength(MAX_ISSUES + 1);
    expect(lines[0]).toBe(
      '32:3: customer.trust: YAML: the key "trust" appears twice in this mapping; keep only one',
    );
    expect(lines.at(-1)).toMatch(/^82:3: : … and 2950 more problems, not listed/);
  });

  it('counts thousands of copies of one key on one line without placing each of them', () => {
    const copies = Array.from({ length: 20_000 }, () => 'trust: 0.2').join(', ');
    const text = BASE.replace(
      /customer:\n( {2}.*\n)+/,
      `customer: { name: x, position: 0, home: 0, departments: [a], marketSize: 1, ${copies} }\n`,
    );
    const lines = errors(load(text));
    expect(lines).toEqual([
      '29:89: customer.trust: YAML: the key "trust" appears twice in this mapping; keep only one',
      '29:2489: : … and 19998 more problems, not listed: fix the ones above and check again',
    ]);
  }, 60_000);

  it('checks the largest file allowed, 40,000 stray keys in one mapping, and caps its list', () => {
    const text = withLines(40_000, (i) => `  k${i}: 1`, 'customer:\n');
    expect(text.length).toBeLessThan(MAX_CHARS);
    const result = load(text);
    const lines = errors(result);
    expect(lines).toHaveLength(MAX_ISSUES + 1);
    expect(lines[0]).toBe(
      '30:3: customer.k0: unknown key; expected one of name, trust, position, home, departments, departmentNames, companyContacts, marketSize, margin, costToServe, leech',
    );
    expect(lines.at(-1)).toBe(
      '80:3: : … and 39950 more problems, not listed: fix the ones above and check again',
    );
  }, 60_000);
});
