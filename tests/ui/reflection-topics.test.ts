import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { explainGame, playChoices } from '../../src/sim/index.ts';
import { reflectionSummary, reflectionTopics } from '../../src/ui/debrief/reflection-topics.ts';
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

  it('are summed up as what they are: turning points, and the big moves in share beside them', () => {
    // a reviewer's who-owns game: one turning point (Q2), made up to two with Q7, where share
    // fell seven points; the fold's line said "questions on your turning points"
    const { scenario } = loadScenarioFile(`${SCENARIO_DIR}who-owns.yaml`);
    const replies: Record<string, string> = {
      'sara-account': 'team-meeting',
      'more-with-less': 'push-down',
      'many-sources': 'specialist',
      rumour: 'retention-bonus',
      'customer-data': 'joint-programme',
      'ben-deal': 'manager-closes',
      recall: 'ben-recall',
      coverage: 'chloe-deputy',
    };
    const choices: string[] = [];
    let sim = playChoices(scenario, '758801', choices);
    while (sim.situationId !== null) {
      choices.push(replies[sim.situationId]!);
      sim = playChoices(scenario, '758801', choices);
    }
    const topics = reflectionTopics(scenario, sim, explainGame(scenario, sim));
    expect(topics.map((t) => [t.quarter, t.turning])).toEqual([
      [2, true],
      [7, false],
    ]);
    expect(reflectionSummary(topics)).toBe(
      'Questions on your turning point (Q2) and a big move in share (Q7), and your action plan',
    );
  });

  it('name no turning point where none is asked about', () => {
    const sim = game(1);
    const summary = reflectionSummary(reflectionTopics(scenario, sim, null));
    expect(summary).toMatch(
      /^Questions on your biggest moves in share \(Q\d and Q\d\), and your action plan$/,
    );
    expect(summary).not.toMatch(/turning/);
  });
});
