import { describe, expect, it } from 'vitest';
import { seedList } from '../../src/analysis/balance.ts';
import { ExactBalanceRun } from '../../src/analysis/balance-exact.ts';
import { seedScores, strategyTree } from '../../src/analysis/tree.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, playPolicy, score } from '../../src/sim/index.ts';

// The workshop's balance page shows a report (charts, luck, warnings) and the gates. Where
// the gates walk every strategy, the report is made from the same games, so the page can
// no longer say "luck 25%" above a gate that says 20%, or chart a best path found by a
// beam search 5 points short of the one the gates measure.

const bundled = loadBundledScenarios();
const silos = bundled.find((b) => b.scenario.id === 'silos')!.scenario;

describe('the balance report made from the gates’ games', () => {
  const seeds = seedList(6);
  const run = new ExactBalanceRun(silos);
  for (const seed of seeds) run.add(seed);
  const { report, gates } = run.result();

  it('plays every strategy, and says so', () => {
    expect(report.search).toEqual({ kind: 'exhaustive' });
    expect(report.strategiesPerSeed).toBe(gates.strategies);
    expect(report.seeds).toEqual(seeds);
  });

  it('gives the same luck and the same best path as its gates', () => {
    expect(report.variance.seedShare).toBe(gates.seedShare);
    const best = report.policies.find((p) => p.policy === 'best')!;
    expect(best.summary.mean).toBeCloseTo(gates.bestMean, 9);
  });

  it('charts the true best path of each market, and each fixed style as it plays', () => {
    const best = report.policies.find((p) => p.policy === 'best')!;
    seeds.forEach((seed, i) => {
      expect(Math.round(best.scores[i]!)).toBe(census(silos, seed).best.score);
      for (const style of silos.styles) {
        const line = report.policies.find((p) => p.policy === style)!;
        const played = playPolicy(silos, seed, style).state;
        expect(Math.round(line.scores[i]!)).toBe(score(silos.rubric, played));
      }
    });
  });

  it('counts a reply as unused exactly when no way of playing within 2 points of a best path takes it', () => {
    const tree = strategyTree(silos);
    const onGood = new Set<string>();
    for (const seed of seeds) {
      const { scores } = seedScores(silos, seed, tree.count);
      const best = Math.max(...scores);
      scores.forEach((value, i) => {
        if (value < best - 2) return;
        for (let d = 0; d < tree.depth; d++) {
          const pick = tree.picks[i * tree.depth + d]!;
          if (pick === 255) break;
          const situation = silos.situations[tree.situations[i * tree.depth + d]!]!;
          onGood.add(`${situation.id}/${situation.choices[pick]!.id}`);
        }
      });
    }
    const unused = new Set(report.unusedChoices.map((u) => `${u.situation}/${u.choice}`));
    for (const s of silos.situations) {
      for (const c of s.choices) {
        const key = `${s.id}/${c.id}`;
        expect(unused.has(key), key).toBe(!onGood.has(key));
      }
    }
    expect(report.unreached).toEqual([]);
  });
});
