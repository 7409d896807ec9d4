import { describe, expect, it } from 'vitest';
import { contactNames, initialState, marketIndex, marketVariant } from '../../src/sim/index.ts';
import { edited, errors, load } from '../scenario/helpers.ts';

// Market variants: a scenario may describe several starting situations, and each market
// (seed) is dealt one, deterministically, so that a colleague's replies from another
// market do not carry over and the trainee has to read their own team and customer.

const VARIANTS = `markets:
  - id: burned
    brief: "Harbour was let down by us last year."
    customer: { trust: 0.05, home: -0.6 }
    competitors:
      brewco: { strength: 2.0 }
  - id: new-team
    brief: "Tom and Lena joined this spring."
    team:
      tom: { skill: 0.3, morale: 0.9, contacts: [facilities] }
      lena: { skill: 0.35 }
situations:`;

function scenarioWith(markets: string) {
  const result = load(edited(['situations:', markets]));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.scenario;
}

describe('market variants', () => {
  const scenario = scenarioWith(VARIANTS);
  const seeds = Array.from({ length: 60 }, (_, i) => String(i + 1));

  it('deals each seed one variant, the same every time, and records it in the state', () => {
    for (const seed of seeds) {
      const state = initialState(scenario, seed);
      expect(state.market).toBe(marketVariant(scenario, seed)!.id);
      expect(initialState(scenario, seed).market).toBe(state.market);
    }
    const dealt = new Set(seeds.map((s) => marketIndex(scenario, s)));
    expect([...dealt].sort()).toEqual([0, 1]);
  });

  it('starts the market from the variant’s values, leaving the rest as the scenario has it', () => {
    const burned = seeds.find((s) => marketVariant(scenario, s)!.id === 'burned')!;
    const b = initialState(scenario, burned);
    expect([b.trust, b.home, b.position]).toEqual([0.05, -0.6, -0.3]);
    expect(b.competitors[0]!.strength).toBe(2.0);
    expect(b.members.find((m) => m.id === 'tom')!.skill).toBe(0.7);

    const fresh = seeds.find((s) => marketVariant(scenario, s)!.id === 'new-team')!;
    const f = initialState(scenario, fresh);
    const tom = f.members.find((m) => m.id === 'tom')!;
    expect([tom.skill, tom.morale]).toEqual([0.3, 0.9]);
    expect(contactNames(scenario.customer.departments, tom.contacts)).toEqual(['facilities']);
    expect(f.members.find((m) => m.id === 'maya')!.skill).toBe(0.9);
    expect(f.trust).toBe(0.2);
  });

  it('plays a market without variants exactly as before (no market in the state)', () => {
    const plain = scenarioWith('situations:');
    const state = initialState(plain, '7');
    expect(state.market).toBeNull();
    expect(marketVariant(plain, '7')).toBeNull();
  });
});

describe('market variants: mistakes in the file', () => {
  it('names an unknown member, competitor or department at its place, with a suggestion', () => {
    const text = edited([
      'situations:',
      `markets:
  - id: one
    brief: "One."
    team:
      tomm: { skill: 0.5 }
      maya: { contacts: [purchasin] }
    competitors:
      brewc: { strength: 1 }
  - id: one
    brief: "Two."
    customer: { trust: 1.5 }
situations:`,
    ]);
    expect(errors(load(text))).toEqual([
      expect.stringMatching(
        /markets\[1\]\.customer\.trust: expected a number from 0 to 1, got 1\.5/,
      ),
    ]);
    const fixed = text.replace('trust: 1.5', 'trust: 0.5');
    expect(errors(load(fixed))).toEqual([
      '40:7: markets[0].team.tomm: no team member "tomm"; did you mean tom?',
      `41:26: markets[0].team.maya.contacts[0]: "purchasin" is not one of the customer's departments (purchasing, facilities, operations, finance); did you mean purchasing?`,
      '43:7: markets[0].competitors.brewc: no competitor "brewc"; did you mean brewco?',
      '44:9: markets[1].id: duplicate market id "one"; markets[0] already uses it',
    ]);
  });

  it('refuses a single market and an override of a value variants cannot change', () => {
    const one = edited(['situations:', 'markets:\n  - { id: only, brief: "x" }\nsituations:']);
    expect(errors(load(one)).join('\n')).toMatch(
      /markets: expected a list of 2 to 8 items, got 1 item/,
    );
    const name = edited([
      'situations:',
      'markets:\n  - { id: a, brief: "x", team: { tom: { name: Bob } } }\n  - { id: b, brief: "y" }\nsituations:',
    ]);
    expect(errors(load(name)).join('\n')).toMatch(/markets\[0\]\.team\.tom\.name/);
  });
});
