import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { shownOrder } from '../../src/sim/index.ts';

// Authors list the best reply first; the player must not be able to rely on that.

const scenarios = loadBundledScenarios().map((b) => b.scenario);
const seeds = Array.from({ length: 3000 }, (_, i) => String(i + 1));

describe('shownOrder', () => {
  it('is the same order for the same scenario, seed and situation', () => {
    const items = ['a', 'b', 'c', 'd'];
    for (const seed of seeds.slice(0, 50)) {
      expect(shownOrder('silos', seed, 'q1', items)).toEqual(
        shownOrder('silos', seed, 'q1', items),
      );
    }
  });

  it('shows every reply exactly once and leaves the list it was given alone', () => {
    for (const scenario of scenarios) {
      for (const situation of scenario.situations) {
        const before = situation.choices.map((c) => c.id);
        const shown = shownOrder(scenario.id, '7', situation.id, situation.choices);
        expect(shown.map((c) => c.id).sort()).toEqual([...before].sort());
        expect(situation.choices.map((c) => c.id)).toEqual(before);
      }
    }
  });

  it('differs between seeds, between situations and between scenarios', () => {
    const items = ['a', 'b', 'c'];
    const key = (xs: string[]) => xs.join('');
    const bySeed = new Set(seeds.slice(0, 60).map((s) => key(shownOrder('silos', s, 'q1', items))));
    expect(bySeed.size).toBe(6);
    const bySituation = new Set(
      ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'].map((q) =>
        key(shownOrder('silos', '1', q, items)),
      ),
    );
    expect(bySituation.size).toBeGreaterThan(1);
    const byScenario = new Set(
      ['silos', 'who-owns', 'tutorial', 'distrustful-account', 'x', 'y'].map((id) =>
        key(shownOrder(id, '1', 'q1', items)),
      ),
    );
    expect(byScenario.size).toBeGreaterThan(1);
  });

  it('puts the first-listed reply first on only about 1 in n seeds, in every bundled situation', () => {
    for (const scenario of scenarios) {
      for (const situation of scenario.situations) {
        const n = situation.choices.length;
        const first = situation.choices[0]!.id;
        const firstShown = seeds.filter(
          (seed) => shownOrder(scenario.id, seed, situation.id, situation.choices)[0]!.id === first,
        ).length;
        // 3,000 seeds: a fair shuffle lands within ±4 standard deviations of 1/n
        const p = 1 / n;
        const sd = Math.sqrt(p * (1 - p) * seeds.length);
        expect(
          Math.abs(firstShown - p * seeds.length),
          `${scenario.id}/${situation.id}: first-listed reply shown first on ${firstShown} of ${seeds.length} seeds`,
        ).toBeLessThan(4 * sd);
      }
    }
  });

  it('puts every reply in every place about equally often', () => {
    const items = ['a', 'b', 'c', 'd'];
    const counts = items.map(() => items.map(() => 0));
    for (const seed of seeds) {
      shownOrder('who-owns', seed, 'q3', items).forEach((x, place) => {
        counts[items.indexOf(x)]![place]! += 1;
      });
    }
    const sd = Math.sqrt(0.25 * 0.75 * seeds.length);
    for (const row of counts) {
      for (const c of row) expect(Math.abs(c - seeds.length / 4)).toBeLessThan(4 * sd);
    }
  });
});
