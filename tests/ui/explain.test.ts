import { describe, expect, it } from 'vitest';
import { playChoices, ropes } from '../../src/sim/index.ts';
import { metricMoves } from '../../src/ui/explain.ts';
import { ropeLines } from '../../src/ui/rope-text.ts';
import { bundled } from '../store/helpers.ts';

// The words the outcome panel and the debrief use must say what the model did.

const entry =
  bundled.find((e) => e.scenario.situations.some((s) => s.choices.some((c) => c.later?.length))) ??
  bundled[0]!;
const { scenario } = entry;

function firstPath(pickLater: boolean): string[] {
  // a path whose first choice has a delayed effect, when the scenario has one
  const choices: string[] = [];
  let state = playChoices(scenario, '3', []);
  while (state.situationId !== null) {
    const situation = scenario.situations.find((s) => s.id === state.situationId)!;
    const c =
      (pickLater && situation.choices.find((x) => x.later?.length)) || situation.choices[0]!;
    choices.push(c.id);
    state = playChoices(scenario, '3', choices);
  }
  return choices;
}

describe('explain', () => {
  it('reports each watched metric against the quarter before', () => {
    const state = playChoices(scenario, '3', firstPath(true));
    const moves = metricMoves(scenario, state, 1);
    const share = moves.find((m) => m.key === 'share')!;
    const delta = state.history[0]!.metrics.share - state.start.share;
    expect(share.direction).toBe(Math.abs(delta) < 0.0005 ? 0 : Math.sign(delta));
    expect(share.after).toBe(`${(state.history[0]!.metrics.share * 100).toFixed(1)}%`);
  });

  it('describes every rope the view draws, and where the customer sits', () => {
    const state = playChoices(scenario, '3', []);
    const lines = ropeLines(scenario, state);
    const drawn = ropes(state, scenario.params, scenario.customer.departments.length);
    // the customer's place, a line per rope, then what distrust and contacts do to the pulls
    expect(lines.length).toBeGreaterThanOrEqual(drawn.length + 2);
    for (const r of drawn) expect(lines.some((l) => l.startsWith(`${r.name} (`))).toBe(true);
    expect(lines[0]).toContain(scenario.customer.name);
  });
});
