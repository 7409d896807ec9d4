import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, outcomes, playChoices, playPolicy, type SimState } from '../../src/sim/index.ts';

// Balance pinned as a table (the way OpenFrontIO pins its formulas): any change to the
// model's equations, its parameters or a scenario shows up as a reviewable diff of these
// numbers. After a deliberate change, run `npx vitest run tests/sim/golden.test.ts -u`
// and read the diff before committing it.

const SEEDS = ['1', '2', '3'];

function row(id: string, seed: string, line: string, state: SimState, score: number): string {
  const o = outcomes(state);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `| ${id} | ${seed} | ${line} | ${score} | ${pct(o.share)} | ${pct(o.growth)} | ${o.attainment.toFixed(3)} | ${o.trust.toFixed(3)} | ${o.morale.toFixed(3)} | ${o.alignment.toFixed(3)} | ${o.brand.toFixed(3)} |`;
}

describe('golden outcomes', () => {
  it('every bundled scenario, three seeds, the fixed styles and the best path', async () => {
    const lines = [
      '# Pinned outcomes of the bundled scenarios',
      '',
      'Regenerate with `npx vitest run tests/sim/golden.test.ts -u` after a deliberate change.',
      '',
      '| scenario | seed | line | score | share | growth/yr | attainment | trust | morale | alignment | brand |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const { scenario: sc } of loadBundledScenarios()) {
      for (const seed of SEEDS) {
        for (const policy of ['directive', 'collaborative'] as const) {
          const run = playPolicy(sc, seed, policy);
          lines.push(row(sc.id, seed, `always ${policy}`, run.state, run.score));
        }
        const best = census(sc, seed).best;
        const state = playChoices(sc, seed, best.choices);
        lines.push(row(sc.id, seed, `best: ${best.choices.join(' ')}`, state, best.score));
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('golden/outcomes.md');
  });
});
