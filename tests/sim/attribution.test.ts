import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  forces,
  playChoices,
  playPolicy,
  pullTerms,
  type SimState,
  teamResultant,
  WHY_FIGURES,
} from '../../src/sim/index.ts';

// Every figure's change in every quarter splits into parts that add up to it exactly, in
// every bundled scenario, along many ways of playing: the outcome screen's "why" rests on it.

const scenarios = loadBundledScenarios();
const POLICIES = ['random', 'first-shown', 'greedy', 'crisis-rule'];
const SEEDS = ['1', '2', '3', '17', '42'];

function games(): { id: string; state: SimState }[] {
  const out: { id: string; state: SimState }[] = [];
  for (const { scenario } of scenarios) {
    for (const seed of SEEDS) {
      for (const policy of POLICIES) {
        out.push({
          id: `${scenario.id}/${seed}/${policy}`,
          state: playPolicy(scenario, seed, policy).state,
        });
      }
    }
  }
  return out;
}

describe('why each figure moved', () => {
  const all = games();

  it('splits every change of every figure into parts that add up to it', () => {
    let checked = 0;
    for (const { id, state } of all) {
      state.history.forEach((report, i) => {
        const before = i === 0 ? state.start : state.history[i - 1]!.metrics;
        const parts = report.why ?? [];
        expect(parts.length, `${id} Q${report.quarter}`).toBeGreaterThan(0);
        for (const figure of WHY_FIGURES) {
          const sum = parts.reduce((s, p) => s + (p.change[figure] ?? 0), 0);
          const change = report.metrics[figure] - before[figure];
          expect(Math.abs(sum - change), `${id} Q${report.quarter} ${figure}`).toBeLessThan(1e-9);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives every change of share to a named rope or a named happening, not to a remainder', () => {
    for (const { id, state } of all) {
      for (const report of state.history) {
        for (const p of report.why ?? []) {
          if (p.by.kind === 'drift') {
            // the end-of-quarter dynamics come after the customer moved: they move no share
            expect(p.change.share ?? 0, `${id} Q${report.quarter} ${p.by.source}`).toBe(0);
          }
        }
      }
    }
  });

  it("traces the reply's own share change: a reply that moves the customer's target shows it", () => {
    // in at least some quarters of every scenario the reply moves share by a tenth of a point
    for (const { scenario } of scenarios) {
      const state = playPolicy(scenario, '1', 'random').state;
      const replies = state.history.flatMap((r) =>
        (r.why ?? []).filter((p) => p.by.kind === 'cause' && p.by.source === 'choice'),
      );
      expect(
        replies.some((p) => Math.abs(p.change.share ?? 0) >= 0.001),
        scenario.id,
      ).toBe(true);
    }
  });

  it('splits where the pulls settle the customer into one term per rope, exactly', () => {
    for (const { scenario } of scenarios) {
      const state = playPolicy(scenario, '3', 'random').state;
      const depts = scenario.customer.departments.length;
      // a quarter opens with no outside force: what adds one is a happening of its own
      const opening = { ...state, outside: 0 };
      const f = forces(opening, scenario.params, depts, teamResultant(opening).resultant);
      const terms = pullTerms(scenario, opening);
      const sum = terms.reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - (f.target - state.position)), scenario.id).toBeLessThan(1e-5);
      // one term per person still on the team, per rival, and distrust, contacts and habits
      const people = state.members.filter((m) => m.present && m.effort * m.skill * m.morale > 0);
      expect(terms.length).toBe(people.length + scenario.competitors.length + 3);
    }
  });

  it("gives money's changes to what made them: a price cut costs profit at the reply, and draws share later", () => {
    const scenario = scenarios.find((b) => b.scenario.id === 'value-discipline')!.scenario;
    // naming the discipline, then matching Polyform's price list (6% off list)
    const state = playChoices(scenario, '1', ['name-it', 'match']);
    const [, second] = state.history;
    const reply = second!.why!.find((p) => p.by.kind === 'cause' && p.by.source === 'choice')!;
    // the price falls at the reply's own mark, before the customer moves
    expect(reply.change.profit ?? 0).toBeLessThan(0);
    const draw = second!.why!.find(
      (p) => p.by.kind === 'cause' && p.by.source === 'market' && p.by.ref === 'price',
    );
    expect(draw?.change.share ?? 0).toBeGreaterThan(0);
  });
});
