import { describe, expect, it } from 'vitest';
import { playChoices, score } from '../../src/sim/index.ts';
import { BASE, edited, errors, load } from './helpers.ts';

// Checks beyond single values: several faults reported together, branches that are
// fine, and warnings that do not stop a scenario from loading.

describe('scenario checks', () => {
  it('reports every fault of one kind at once, in file order', () => {
    const three = edited(
      ['  trust: 0.2\n', '  trust: 2\n'],
      ['quarters: 3', 'quarters: three'],
      ['effects: { alignment: 0.15 }', 'effects: { alignmnt: 0.15 }'],
    );
    expect(errors(load(three))).toEqual([
      '13:11: quarters: expected a whole number from 1 to 20, got the text "three"',
      '31:10: customer.trust: expected a number from 0 to 1, got 2',
      '81:20: situations[1].choices[0].effects.alignmnt: unknown effect; did you mean alignment?',
    ]);
  });

  it('lists a wrong path length beside other faults of meaning, not only once they are fixed', () => {
    const faults = edited(
      ['quarters: 3', 'quarters: 4'],
      [
        '        label: "Ask to visit the depot and learn how the kitchens are used"\n        style: collaborative',
        '        label: "Ask to visit the depot and learn how the kitchens are used"\n        style: colaborative',
      ],
      ['share: 0.4, trust: 0.2', 'share: 0.5, trust: 0.2'],
    );
    const found = errors(load(faults));
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/style: unknown style "colaborative".*did you mean collaborative/);
    expect(found[1]).toMatch(
      /the game ends after this situation, in quarter 3, but the scenario has quarters: 4/,
    );
    expect(found[2]).toMatch(/rubric.weights: the weights add up to 1.1; they must add up to 1/);
  });

  it('refuses a department named twice in one list, at the repeat, since contacts count each department once', () => {
    const twice = edited(
      ['contacts: [purchasing],', 'contacts: [purchasing, purchasing],'],
      [
        'departments: [purchasing, facilities, operations, finance]',
        'departments: [purchasing, facilities, operations, facilities]',
      ],
    );
    expect(errors(load(twice))).toEqual([
      '23:30: team[0].contacts[1]: the department "purchasing" is listed twice; team[0].contacts[0] already names it',
      '34:53: customer.departments[3]: the department "facilities" is listed twice; customer.departments[1] already names it',
    ]);
  });

  it('accepts branches of equal length that meet again, and plays both', () => {
    const branching = edited(
      // "discount" skips the team question but meets a crisis of its own in quarter 2
      [
        '        effects: { outside: 0.1, trust: -0.02 }',
        '        effects: { outside: 0.1, trust: -0.02 }\n        next: price-war',
      ],
      ['    kind: routine\n', '    kind: routine\n    next: rival-offer\n'],
      [
        '  - id: rival-offer\n',
        `  - id: price-war
    title: "A price war"
    text: "BrewCo answers your discount with a deeper one."
    choices:
      - { id: hold, label: "Hold the price", style: directive, next: rival-offer }
      - { id: talk, label: "Talk to the customer about value", style: collaborative, next: rival-offer }
  - id: rival-offer
`,
      ],
    );
    const result = load(branching);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(
      playChoices(result.scenario, '7', ['discount', 'hold', 'match-now']).situationId,
    ).toBeNull();
    expect(
      playChoices(result.scenario, '7', ['script', 'workshop', 'ignore']).situationId,
    ).toBeNull();
  });

  it('says which parts of an effect due after the end never apply', () => {
    /** The base scenario with the depot visit's delayed effect due after the last quarter. */
    const dueAfterTheEnd = (rest: string) =>
      load(
        edited([
          '          - { after: 1, effects: { trust: 0.04 }',
          `          - { after: 3, ${rest}`,
        ]),
      );
    const result = dueAfterTheEnd(
      'effects: { trust: 0.04, morale: 0.1 }, members: { tom: { skill: 0.1 } }',
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toContain(
      "due in quarter 4, after the game ends (quarters: 3); its trust counts only in next year's outlook; its morale and effects on people never apply",
    );
    // as it says: the same game with more trust due after the end scores more
    const more = dueAfterTheEnd('effects: { trust: 0.3 }');
    const less = dueAfterTheEnd('effects: { trust: 0.01 }');
    if (!more.ok || !less.ok) throw new Error('the edited scenarios load');
    const scoreOf = (sc: typeof more.scenario) =>
      score(
        sc.rubric,
        playChoices(
          sc,
          '7',
          sc.situations.map((x, i) => x.choices[i === 0 ? 1 : 0]!.id),
        ),
      );
    expect(scoreOf(more.scenario)).toBeGreaterThan(scoreOf(less.scenario));
  });

  it('warns, without failing, about parts that can never take effect', () => {
    const result = load(
      edited(
        ['    odds: 0.3\n', '    odds: 0\n'],
        ['          - { after: 1, effects', '          - { after: 3, effects'],
        ['    - { min: 0, text: "Play again', '    - { min: 10, text: "Play again'],
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${w.message}`)).toEqual([
      // next year's outlook still reads a delayed effect's trust and pull on the customer
      "58:22: situations[0].choices[1].later[0].after: due in quarter 4, after the game ends (quarters: 3); its trust counts only in next year's outlook",
      '120:11: events[0].odds: odds 0: this event never happens',
      '132:5: debrief.bands: no band has min: 0, so a score below 10 gets no debrief text',
    ]);
  });

  it('warns when every choice of a situation has the same style', () => {
    const result = load(
      edited([
        '        style: collaborative\n        effects: { trust: 0.06',
        '        style: directive\n        effects: { trust: 0.06',
      ]),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}: ${w.path}: ${w.message}`)).toEqual([
      '46: situations[0].choices: every choice here has the same style; the player has no real choice of style',
    ]);
  });
});

describe('the content hash', () => {
  it('ignores layout, comments, quoting and key order, and changes with any content', () => {
    const base = load(BASE);
    const reordered = load(
      edited(
        [
          '  weights: { share: 0.4, trust: 0.2, morale: 0.2, alignment: 0.2 }',
          '  weights: { alignment: 0.2, morale: 0.2, trust: 0.2, share: 0.4 } # reordered',
        ],
        [
          '  name: Harbour Logistics\n  trust: 0.2\n',
          '  trust: 0.2\n  name: "Harbour Logistics"\n',
        ],
      ),
    );
    const changed = load(edited(['  marketSize: 800', '  marketSize: 801']));
    expect(base.ok && reordered.ok && changed.ok).toBe(true);
    if (!base.ok || !reordered.ok || !changed.ok) return;
    expect(reordered.hash).toBe(base.hash);
    expect(changed.hash).not.toBe(base.hash);
    expect(base.hash).toMatch(/^[0-9a-f]{16}$/);
  });
});
