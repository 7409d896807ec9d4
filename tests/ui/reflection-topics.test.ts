import { describe, expect, it } from 'vitest';
import { explainGame, playChoices } from '../../src/sim/index.ts';
import { reflectionTopics } from '../../src/ui/debrief/reflection-topics.ts';
import { turningPointsThatMattered } from '../../src/ui/debrief/turning.ts';
import { tutorial } from '../store/helpers.ts';

const scenario = tutorial.scenario;

function game(pick: number) {
  let sim = playChoices(scenario, '3', []);
  const choices: string[] = [];
  while (sim.situationId !== null) {
    const s = scenario.situations.find((x) => x.id === sim.situationId)!;
    choices.push(s.choices[Math.min(pick, s.choices.length - 1)]!.id);
    sim = playChoices(scenario, '3', choices);
  }
  return sim;
}

describe('reflection questions', () => {
  it('ask about two or three of the player’s own turning points, in quarter order', () => {
    const sim = game(0);
    const e = explainGame(scenario, sim);
    const topics = reflectionTopics(scenario, sim, e);
    expect(topics.length).toBeGreaterThanOrEqual(2);
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(topics.map((t) => t.quarter)).toEqual(
      [...topics.map((t) => t.quarter)].sort((a, b) => a - b),
    );
    const turning = new Set(turningPointsThatMattered(e).map((t) => t.quarter));
    for (const t of topics) {
      // each names the quarter and the reply the player chose there
      expect(t.choiceId).toBe(sim.choices[t.quarter - 1]);
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.happened).toMatch(
        /^Your market share (went from \d+\.\d% to|stayed at) \d+\.\d% that quarter\.$/,
      );
      if (t.turning) expect(turning.has(t.quarter)).toBe(true);
    }
    if (turning.size > 0) expect(topics.some((t) => t.turning)).toBe(true);
  });

  it('without an explanation, ask about the quarters where share moved most', () => {
    const sim = game(1);
    const topics = reflectionTopics(scenario, sim, null);
    expect(topics).toHaveLength(2);
    expect(topics.every((t) => !t.turning)).toBe(true);
  });
});
