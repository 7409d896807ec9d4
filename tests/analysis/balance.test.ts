import { describe, expect, it } from 'vitest';
import { balanceReport, seedList } from '../../src/analysis/balance.ts';
import { balanceMarkdown } from '../../src/analysis/markdown.ts';
import { kthSmallest, quantileSorted, summarise } from '../../src/analysis/stats.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { playChoices, playPolicy, type ScenarioDef, score } from '../../src/sim/index.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;

/** Every strategy of a scenario without branching, by brute force. */
function allStrategies(s: ScenarioDef): string[][] {
  let paths: string[][] = [[]];
  for (const situation of s.situations) {
    paths = paths.flatMap((p) => situation.choices.map((c) => [...p, c.id]));
  }
  return paths;
}

const popVar = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('balance report against a brute count', () => {
  const seeds = seedList(6);
  const report = balanceReport(tutorial, seeds);
  const strategies = allStrategies(tutorial);
  const table = seeds.map((seed) =>
    strategies.map((c) => score(tutorial.rubric, playChoices(tutorial, seed, c))),
  );

  it('plays every strategy and finds the true best on each seed', () => {
    expect(report.strategiesPerSeed).toBe(strategies.length);
    expect(report.search.kind).toBe('exhaustive');
    const best = report.policies.find((p) => p.policy === 'best')!;
    expect(best.scores).toEqual(table.map((row) => Math.max(...row)));
  });

  it('gives each fixed policy the scores it really gets', () => {
    for (const name of ['directive', 'collaborative', 'random'] as const) {
      const p = report.policies.find((x) => x.policy === name)!;
      const brute = seeds.map((seed) => playPolicy(tutorial, seed, name).score);
      expect(p.scores).toEqual(brute);
      const sorted = [...brute].sort((a, b) => a - b);
      expect(p.summary.min).toBe(sorted[0]);
      expect(p.summary.max).toBe(sorted.at(-1));
      expect(p.summary.mean).toBeCloseTo(brute.reduce((a, b) => a + b, 0) / brute.length, 10);
    }
  });

  it('splits the variance of random play into seed and choices exactly', () => {
    const all = table.flat();
    const means = table.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
    expect(report.variance.total).toBeCloseTo(popVar(all), 9);
    expect(report.variance.seed).toBeCloseTo(popVar(means), 9);
    expect(report.variance.seedShare).toBeCloseTo(popVar(means) / popVar(all), 9);
  });

  it('lists exactly the choices that no good path takes', () => {
    const good = new Set<string>();
    table.forEach((row) => {
      const best = Math.max(...row);
      row.forEach((value, i) => {
        if (value >= best - report.goodMargin) {
          strategies[i]!.forEach((c, q) => {
            good.add(`${tutorial.situations[q]!.id}/${c}`);
          });
        }
      });
    });
    const expected = tutorial.situations.flatMap((s) =>
      s.choices.filter((c) => !good.has(`${s.id}/${c.id}`)).map((c) => `${s.id}/${c.id}`),
    );
    expect(report.unusedChoices.map((c) => `${c.situation}/${c.choice}`)).toEqual(expected);
    // and counts them in a sentence whose noun and verb agree with the count
    const n = expected.length;
    expect(n).toBeGreaterThan(0);
    const said = report.warnings.filter((w) => w.includes('on a good path'));
    expect(said).toEqual([
      `${n} ${n === 1 ? 'choice never appears' : 'choices never appear'} on a good path (within ${report.goodMargin} ${report.goodMargin === 1 ? 'point' : 'points'} of the best).`,
    ]);
    for (const w of report.warnings) expect(w).not.toContain('(s)');
  });
});

describe('warnings', () => {
  it('flags a scenario built so that one style always wins', () => {
    const rigged: ScenarioDef = {
      ...tutorial,
      situations: tutorial.situations.map((s) => ({
        ...s,
        choices: s.choices.map((c) =>
          c.style === 'directive'
            ? { ...c, effects: { ...c.effects, trust: 0.3, outside: 0.6, morale: 0.2 } }
            : { ...c, effects: { ...c.effects, trust: -0.2, morale: -0.2 } },
        ),
      })),
    };
    const report = balanceReport(rigged, seedList(20));
    expect(report.styleWins.directive).toBe(20);
    expect(report.warnings.some((w) => w.includes('"always directive" beats every other'))).toBe(
      true,
    );
    expect(report.warnings.some((w) => w.includes('"always collaborative" beats'))).toBe(false);
  });

  it('names a situation that no choice leads to', () => {
    const [first, second, third] = tutorial.situations;
    const skipping: ScenarioDef = {
      ...tutorial,
      situations: [
        { ...first!, choices: first!.choices.map((c) => ({ ...c, next: third!.id })) },
        second!,
        third!,
      ],
    };
    const report = balanceReport(skipping, seedList(3));
    expect(report.unreached).toEqual([
      { situation: second!.id, title: second!.title, reason: 'no choice leads here' },
    ]);
  });
});

describe('sampled search', () => {
  it('finds the same best paths as the census on a small tree and checks itself', () => {
    const seeds = seedList(10);
    const exact = balanceReport(tutorial, seeds);
    const sampled = balanceReport(tutorial, seeds, { exhaustiveLimit: 5, checkSeeds: 4 });
    expect(sampled.search).toMatchObject({ kind: 'beam', checked: 4 });
    const best = (r: typeof exact) => r.policies.find((p) => p.policy === 'best')!.scores;
    expect(best(sampled)).toEqual(best(exact));
    expect(sampled.variance.exact).toBe(false);
    // an estimate from 12 players per seed: near the exact split, not equal to it
    expect(sampled.variance.choices).toBeGreaterThan(exact.variance.choices * 0.5);
    expect(sampled.variance.choices).toBeLessThan(exact.variance.choices * 1.5);
  });
});

describe('statistics and markdown', () => {
  it('interpolates quartiles linearly', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(summarise([5, 1, 3]).median).toBe(3);
    expect(summarise([1, 3]).sd).toBe(1);
  });

  it('picks the same order statistic as a full sort, ties and all', () => {
    // the gates' top-decile bar: a selection in place of sorting 49,152 scores per seed
    let x = 7;
    const next = () => {
      x = (x * 16807) % 2147483647;
      return x / 2147483647;
    };
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      const values = Float64Array.from({ length: n }, () => Math.round(next() * 40) / 4);
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, n >> 1, Math.floor(n * 0.9), n - 1]) {
        expect(kthSmallest(values, k)).toBe(sorted[k]);
      }
    }
  });

  it('prints one row per policy and escapes table cells', () => {
    const report = balanceReport({ ...tutorial, title: 'A | B' }, seedList(3));
    const md = balanceMarkdown(report);
    for (const p of report.policies) expect(md).toContain(`| ${p.label} |`);
    expect(md).toContain('A | B'); // the heading is not a table
    expect(md).toContain('law of total variance');
  });
});
