import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedScores, strategyTree } from '../../src/analysis/tree.ts';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  census,
  countStrategies,
  nextSituationId,
  playChoices,
  playPolicy,
  policiesOf,
  rawScoreByTerms,
  type ScenarioDef,
  type StrategyCensus,
  situationById,
  strategyAt,
  subtreeCounts,
  termsOf,
} from '../../src/sim/index.ts';

// The model's results pinned to the last bit, so that work on its speed cannot change one:
// every strategy's unrounded score on several seeds of every shipped scenario (as a digest
// of the numbers' bytes), the census's histogram, best and worst, how often each event
// fired, every policy's line and score, a sampled census of a tree too large to play
// whole, and the whole traced end state (every quarter's metrics, forces and causes) of
// strategies spread over each tree.
//
// A deliberate change of the model or of a scenario changes these figures: regenerate
// with `npx vitest run tests/sim/pinned-results.test.ts -u` and say in the commit why the
// results moved. A change meant only to make the model faster must leave the file as it is.

const SEEDS = ['1', '7', '31', 'bench-1', 'trainee-42|spring', 'w|9'];
/** strategies per seed whose whole end state is pinned */
const TRACED = 9;

function digest(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 24);
}

function censusFigures(c: StrategyCensus) {
  return {
    count: c.count,
    total: c.total,
    exhaustive: c.exhaustive,
    margin: c.margin,
    histogram: c.histogram.join(' '),
    best: `${c.best.score} ${c.best.choices.join(',')}`,
    worst: `${c.worst.score} ${c.worst.choices.join(',')}`,
  };
}

function seedFigures(scenario: ScenarioDef, seed: string) {
  const tree = strategyTree(scenario);
  const { scores, eventCounts } = seedScores(scenario, seed, tree.count);
  const counts = subtreeCounts(scenario);
  const total = countStrategies(scenario);
  const terms = termsOf(scenario.rubric);
  const traced: string[] = [];
  for (let k = 0; k < TRACED; k++) {
    // spread over the tree, and the last strategy too
    const index = Math.min(total - 1, Math.floor((k * total) / (TRACED - 1)));
    const choices = choicesOf(scenario, strategyAt(scenario, counts, index));
    const end = playChoices(scenario, seed, choices);
    const untraced = playChoices(scenario, seed, choices, { trace: false });
    traced.push(
      `${index} ${rawScoreByTerms(terms, untraced)} ${digest(JSON.stringify(end))} ${digest(JSON.stringify(untraced))}`,
    );
  }
  return {
    census: censusFigures(census(scenario, seed)),
    scores: `${digest(new Uint8Array(scores.buffer))} sum ${scores.reduce((a, b) => a + b, 0)}`,
    events: [...eventCounts.entries()].map(([id, n]) => `${id} ${n}`).join(', '),
    policies: policiesOf(scenario).map((p) => {
      const run = playPolicy(scenario, seed, p);
      return `${p} ${run.score} ${run.choices.join(',')}`;
    }),
    traced,
  };
}

/** The choice ids of a strategy given as the reply's place at each decision. */
function choicesOf(scenario: ScenarioDef, picks: number[]): string[] {
  const out: string[] = [];
  let id = scenario.situations[0]?.id ?? null;
  for (const pick of picks) {
    const s = situationById(scenario, id!);
    const c = s.choices[pick]!;
    out.push(c.id);
    id = nextSituationId(scenario, s, c);
  }
  return out;
}

describe('pinned results', () => {
  it('every shipped scenario and a sampled synthetic tree give the pinned figures to the bit', async () => {
    const bundled = loadBundledScenarios();
    const pinned: Record<string, unknown> = {};
    for (const { scenario } of bundled) {
      const bySeed: Record<string, unknown> = {};
      for (const seed of SEEDS) bySeed[seed] = seedFigures(scenario, seed);
      pinned[scenario.id] = bySeed;
    }
    // a tree too large to play whole: the census samples it
    const tutorial = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
    const large = syntheticScenario(tutorial, 10, 4);
    pinned[large.id] = censusFigures(census(large, 'bench-1'));
    const text = [
      '# Pinned results of the model',
      '',
      'Written by `tests/sim/pinned-results.test.ts`, which fails when one figure changes. After a',
      'deliberate change of the model or a scenario, regenerate with',
      '`npx vitest run tests/sim/pinned-results.test.ts -u` and say why in the commit; a change',
      'meant only to make the model faster must leave this file as it is.',
      '',
      '```json',
      JSON.stringify(pinned, null, 1),
      '```',
      '',
    ].join('\n');
    await expect(text).toMatchFileSnapshot('golden/pinned-results.md');
  }, 120_000);
});
