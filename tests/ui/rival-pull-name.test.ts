import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { initialState } from '../../src/sim/index.ts';
import { whyLabel } from '../../src/ui/why.ts';

// A rival named with a bracket ("Platr (ordering app)") reads "Platr's pull (ordering
// app)" where a figure's causes name it, not "Platr (ordering app)'s pull".

const scenario = loadBundledScenarios().find(
  (b) => b.scenario.id === 'scripts-or-judgement',
)!.scenario;

describe("a rival's pull in words", () => {
  const state = initialState(scenario, '1');

  it('puts the possessive on the name, before its bracket', () => {
    expect(whyLabel(scenario, state, { kind: 'pull', source: 'competitor', ref: 'platr' })).toBe(
      "Platr's pull (ordering app)",
    );
  });

  it('keeps a plain name as it was', () => {
    const plain = { ...scenario, competitors: [{ ...scenario.competitors[0]!, name: 'BrewCo' }] };
    const id = plain.competitors[0]!.id;
    expect(whyLabel(plain, state, { kind: 'pull', source: 'competitor', ref: id })).toBe(
      "BrewCo's pull",
    );
  });

  it('writes a name that ends in s with the apostrophe alone: "Apex Tools\' pull"', () => {
    const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
    const start = initialState(silos, '1');
    expect(whyLabel(silos, start, { kind: 'pull', source: 'competitor', ref: 'apex' })).toBe(
      "Apex Tools' pull",
    );
  });
});
