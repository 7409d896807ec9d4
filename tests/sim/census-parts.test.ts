import { describe, expect, it } from 'vitest';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  census,
  censusPart,
  countStrategies,
  emptyCensus,
  mergeCensuses,
  prefixesAt,
  type ScenarioDef,
  type StrategyCensus,
} from '../../src/sim/index.ts';

const bundled = loadBundledScenarios();
const tutorial = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
const whoOwns = bundled.find((b) => b.scenario.id === 'who-owns')!.scenario;
const small = syntheticScenario(tutorial, 5, 3);
// the first option of quarter 1 skips quarter 2: that branch is a quarter shorter
const branching: ScenarioDef = {
  ...small,
  situations: small.situations.map((s, i) =>
    i === 0 ? { ...s, choices: s.choices.map((c, j) => (j === 0 ? { ...c, next: 's3' } : c)) } : s,
  ),
};

const every = { exhaustiveLimit: Number.POSITIVE_INFINITY };

function inParts(scenario: ScenarioDef, seed: string, depth: number): StrategyCensus {
  return mergeCensuses(prefixesAt(scenario, depth).map((p) => censusPart(scenario, seed, p)));
}

describe('a census in parts', () => {
  it('lists the prefixes in the tree order, following each choice, and stops at the end', () => {
    expect(prefixesAt(branching, 1)).toEqual([['q1o1'], ['q1o2'], ['q1o3']]);
    const two = prefixesAt(branching, 2);
    expect(two).toHaveLength(9);
    // the first option went to s3, the others to s2
    expect(two.slice(0, 3).map((p) => p[1])).toEqual(['q3o1', 'q3o2', 'q3o3']);
    expect(two.slice(3, 6).map((p) => p[1])).toEqual(['q2o1', 'q2o2', 'q2o3']);
    // asked for more choices than the game has: each prefix is a whole strategy
    const whole = prefixesAt(tutorial, 10);
    expect(whole).toHaveLength(countStrategies(tutorial));
    expect(new Set(whole.map((p) => p.join())).size).toBe(whole.length);
    expect(whole.every((p) => p.length === tutorial.situations.length)).toBe(true);
  });

  it.each([
    ['who-owns', whoOwns, 'parts-1'],
    ['who-owns', whoOwns, 'parts-2'],
    ['a branching market', branching, 'parts-3'],
    ['the tutorial, cut past its end', tutorial, 'parts-4'],
  ])('made one, the parts of %s are its census to the last figure', (_n, sc, seed) => {
    const whole = census(sc, seed, every);
    for (const depth of [1, 2, 4]) expect(inParts(sc, seed, depth)).toEqual(whole);
  });

  it('keeps the earlier part’s strategy when two parts tie for best or worst', () => {
    const part = (best: number, worst: number, tag: string): StrategyCensus => {
      const c = emptyCensus(2, true);
      c.count = 2;
      c.histogram[best] = 1;
      c.histogram[worst] = 1;
      c.best = { score: best, choices: [`${tag}-best`] };
      c.worst = { score: worst, choices: [`${tag}-worst`] };
      return c;
    };
    const merged = mergeCensuses([part(70, 20, 'a'), part(70, 20, 'b'), part(60, 30, 'c')]);
    expect(merged.best).toEqual({ score: 70, choices: ['a-best'] });
    expect(merged.worst).toEqual({ score: 20, choices: ['a-worst'] });
    expect(merged.count).toBe(6);
    expect(merged.total).toBe(6);
    expect(merged.histogram[70]).toBe(2);
    expect(merged.histogram[30]).toBe(1);
  });
});
