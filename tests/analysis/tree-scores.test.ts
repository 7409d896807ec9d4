import { describe, expect, it } from 'vitest';
import { seedScores, strategyTree } from '../../src/analysis/tree.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  playChoices,
  rawScoreByTerms,
  type ScenarioDef,
  situationById,
  termsOf,
} from '../../src/sim/index.ts';

// The balance gates judge replies on every strategy's unrounded score and on how often each
// event fired. Their walk of the tree writes each game over the last one's and plays the
// last quarter without its bookkeeping, with the score's sums carried down the tree: every
// figure must still be the one a game played on its own from the start gives, to the bit.

function replays(scenario: ScenarioDef, seed: string) {
  const tree = strategyTree(scenario);
  const terms = termsOf(scenario.rubric);
  const scores = new Float64Array(tree.count);
  const eventCounts = new Map<string, number>();
  for (let i = 0; i < tree.count; i++) {
    const choices: string[] = [];
    for (let d = 0; d < tree.depth; d++) {
      const pick = tree.picks[i * tree.depth + d]!;
      if (pick === 255) break;
      const situation = situationById(
        scenario,
        tree.situationIds[tree.situations[i * tree.depth + d]!]!,
      );
      choices.push(situation.choices[pick]!.id);
    }
    const end = playChoices(scenario, seed, choices, { trace: false });
    scores[i] = rawScoreByTerms(terms, end);
    for (const e of end.firedEvents) eventCounts.set(e, (eventCounts.get(e) ?? 0) + 1);
  }
  return { scores, eventCounts };
}

describe('every strategy’s score as the balance gates walk the tree', () => {
  it.each(loadBundledScenarios().map((b) => [b.scenario.id, b.scenario] as const))(
    'gives every strategy of %s the unrounded score and events of its own replay',
    (_id, scenario) => {
      for (const seed of ['gates-3', 'w|12']) {
        const walked = seedScores(scenario, seed, strategyTree(scenario).count);
        const played = replays(scenario, seed);
        // compared as bytes: equal numbers, and no score off by its last bit
        expect(Buffer.from(walked.scores.buffer).equals(Buffer.from(played.scores.buffer))).toBe(
          true,
        );
        expect(walked.eventCounts).toEqual(played.eventCounts);
      }
    },
    // every strategy of every shipped scenario replayed from the start, twice: tens of seconds
    180_000,
  );
});
