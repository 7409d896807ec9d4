import { describe, expect, it } from 'vitest';
import { playChoices, ropes } from '../../src/sim/index.ts';
import { choiceEffects, describeEffect, groupCauses, metricMoves } from '../../src/ui/explain.ts';
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

  it('names every cause of a quarter, grouped by who caused it', () => {
    const state = playChoices(scenario, '3', firstPath(true));
    const report = state.history[0]!;
    const groups = groupCauses(scenario, report.causes);
    const total = groups.reduce((n, g) => n + g.effects.length, 0);
    expect(total).toBe(report.causes.length);
    expect(groups[0]!.source).toMatch(/^Your choice “|^Your \w+ style|^Alignment forced/);
  });

  it('sums what a decision did then and later, including its delayed effects', () => {
    const path = firstPath(true);
    const state = playChoices(scenario, '3', path);
    const q = state.history.findIndex((r) =>
      state.history.some((h) =>
        h.causes.some((c) => c.source === 'later' && c.origin === r.quarter),
      ),
    );
    if (q < 0) return; // no delayed effect fired on this path
    const quarter = q + 1;
    const later = state.history
      .flatMap((h) => h.causes)
      .filter((c) => c.source === 'later' && c.origin === quarter);
    const effects = choiceEffects(scenario, state, quarter);
    for (const c of later) {
      const label = describeEffect(scenario, c.metric, 1).split(' ')[0]!;
      expect(effects.join(' ')).toContain(label);
    }
  });

  it('words member and competitor effects with their names', () => {
    const member = scenario.team[0]!;
    const rival = scenario.competitors[0]!;
    expect(describeEffect(scenario, `morale:${member.id}`, -0.05)).toBe(
      `${member.name}'s morale −5.0`,
    );
    expect(describeEffect(scenario, `left:${member.id}`, -1)).toBe(`${member.name} left the team`);
    expect(describeEffect(scenario, `competitor:${rival.id}`, 0.1)).toBe(
      `${rival.name}'s pull +0.10`,
    );
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
