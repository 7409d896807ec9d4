import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  forces,
  initialState,
  playPolicy,
  ropes,
  type ScenarioDef,
  type SimState,
  step,
} from '../../src/sim/index.ts';
import { ropeLines } from '../../src/ui/rope-text.ts';

// The picture is the model: the ropes the view draws pull exactly as hard as the forces
// that move the customer, so a rope thins when trust falls and thickens when it rises.

function drawnTeamPull(state: SimState, sc: ScenarioDef): number {
  let x = 0;
  let y = 0;
  for (const r of ropes(state, sc.params, sc.customer.departments.length)) {
    if (r.side !== 'team') continue;
    x += r.pull * Math.cos((r.angle * Math.PI) / 180);
    y += r.pull * Math.sin((r.angle * Math.PI) / 180);
  }
  return Math.hypot(x, y);
}

describe('the rope view draws the model', () => {
  for (const { scenario } of loadBundledScenarios()) {
    it(`${scenario.id}: the team's drawn ropes add up to the pull the customer feels, every quarter`, () => {
      const game = playPolicy(scenario, '7', 'random').state;
      const states: SimState[] = [initialState(scenario, '7')];
      // the state after each quarter, rebuilt from the choices
      for (const c of game.choices) states.push(step(scenario, states.at(-1)!, c));
      for (const s of states) {
        const f = forces(s, scenario.params, scenario.customer.departments.length);
        expect(drawnTeamPull(s, scenario)).toBeCloseTo(f.us, 4);
        const rivals = ropes(s, scenario.params, scenario.customer.departments.length)
          .filter((r) => r.side === 'competitor')
          .reduce((sum, r) => sum + r.pull, 0);
        expect(rivals).toBeCloseTo(f.them, 4);
      }
    });
  }

  it('a rope is thinner on a customer that distrusts us, and the text says so in words', () => {
    const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!;
    const start = initialState(scenario, '1');
    const doubting: SimState = { ...start, trust: 0.1 };
    const trusting: SimState = { ...start, trust: 0.9 };
    const n = scenario.customer.departments.length;
    const pullOf = (s: SimState) =>
      ropes(s, scenario.params, n).find((r) => r.id === 'priya')!.pull;
    expect(pullOf(trusting)).toBeGreaterThan(pullOf(doubting) * 1.8);
    // the text equivalent says how hard against the strongest rope, and the rope's part of
    // all the pull on the customer: the applied pull its thickness shows, in business words
    const line = (s: SimState) => ropeLines(scenario, s).find((l) => l.startsWith('Priya'))!;
    const said = (s: SimState) => /, (strong|moderate|weak|barely): /.exec(line(s))?.[1];
    const order = ['barely', 'weak', 'moderate', 'strong'];
    expect(order.indexOf(said(doubting)!)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(said(trusting)!)).toBeGreaterThan(order.indexOf(said(doubting)!));
    for (const s of [doubting, trusting]) {
      const all = ropes(s, scenario.params, n).reduce((sum, r) => sum + r.pull, 0);
      expect(line(s)).toContain(
        `: ${Math.round((pullOf(s) / all) * 100)}% of all the pull on ${scenario.customer.name}.`,
      );
    }
    // and what distrust takes, in the model's figure: friction 0.3 + 0.7 × trust
    const friction = (t: number) =>
      scenario.params.trustFloor + (1 - scenario.params.trustFloor) * t;
    expect(ropeLines(scenario, doubting)).toContain(
      `Distrust takes ${Math.round((1 - friction(0.1)) * 100)}% of our team's pull: ${scenario.customer.name} trusts us 10%, so ${100 - Math.round((1 - friction(0.1)) * 100)}% of it gets through.`,
    );
    // what it takes and what gets through add up to all of it, at any trust (a reviewer
    // read "takes 53% … so 48% gets through", each rounded on its own)
    for (let t = 0; t <= 100; t++) {
      const s = { ...doubting, trust: t / 100 };
      const sentence = ropeLines(scenario, s).find((l) => l.startsWith('Distrust takes'));
      if (!sentence) continue;
      const [takes, through] = [...sentence.matchAll(/(\d+)% of (?:our team's pull|it gets)/g)].map(
        (m) => Number(m[1]),
      );
      expect(takes! + through!, sentence).toBe(100);
    }
  });
});
