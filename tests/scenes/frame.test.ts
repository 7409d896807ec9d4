import { describe, expect, it } from 'vitest';
import { describeView, gustsOf } from '../../src/scenes/describe.ts';
import { blendFrames, frameOf, lerpAngle, teamAlignment } from '../../src/scenes/frame.ts';
import { playChoices, teamResultant, trustFriction } from '../../src/sim/index.ts';
import { play, scenario } from './fixture.ts';

describe('frames between quarters', () => {
  it('turns angles the short way round', () => {
    expect(lerpAngle(170, -170, 0.5)).toBeCloseTo(180, 9);
    expect(lerpAngle(-20, 30, 0.5)).toBeCloseTo(5, 9);
  });

  it('starts at the first frame and ends at the second, ropes first, customer after', () => {
    const [a, b] = play(['maya-leads']).map((s) => frameOf(scenario, s));
    expect(blendFrames(a!, b!, 0).position).toBeCloseTo(a!.position, 9);
    const end = blendFrames(a!, b!, 1);
    expect(end.position).toBeCloseTo(b!.position, 9);
    for (const r of b!.ropes)
      expect(end.ropes.find((x) => x.id === r.id)!.pull).toBeCloseTo(r.pull, 9);
    // at 0.6 the ropes are in place while the customer is still on its way
    const early = blendFrames(a!, b!, 0.6);
    const maya = b!.ropes.find((r) => r.id === 'maya')!;
    expect(early.ropes.find((r) => r.id === 'maya')!.angle).toBeCloseTo(maya.angle, 6);
    expect(Math.abs(early.position - b!.position)).toBeGreaterThan(0);
  });

  it("carries the model's trust friction, and moves it with the ropes", () => {
    const [a, b] = play(['maya-leads']).map((s) => frameOf(scenario, s));
    const states = play(['maya-leads']);
    expect(a!.friction).toBe(trustFriction(states[0]!.trust, scenario.params));
    expect(b!.friction).toBe(trustFriction(states[1]!.trust, scenario.params));
    expect(blendFrames(a!, b!, 0).friction).toBeCloseTo(a!.friction, 9);
    expect(blendFrames(a!, b!, 1).friction).toBeCloseTo(b!.friction, 9);
  });

  it('fades a rope in when it appears (outside influences) instead of popping it', () => {
    const [a, b] = play(['maya-leads']).map((s) => frameOf(scenario, s));
    expect(a!.ropes.some((r) => r.id === 'outside')).toBe(false);
    const half = blendFrames(a!, b!, 0.25).ropes.find((r) => r.id === 'outside')!;
    expect(half.presence).toBeGreaterThan(0);
    expect(half.presence).toBeLessThan(1);
  });

  it('measures the drawn fan exactly as the sim measures alignment', () => {
    for (const choices of [
      ['script', 'let-them'],
      ['depot-visit', 'workshop'],
    ]) {
      const s = playChoices(scenario, '3', choices);
      expect(teamAlignment(frameOf(scenario, s)).alignment).toBeCloseTo(
        teamResultant(s).alignment,
        5,
      );
    }
  });
});

describe('the rope view in words', () => {
  it('names the customer, every rep, the competitor, habits and outside influences with figures', () => {
    const s = play(['maya-leads'])[1]!;
    const text = describeView(scenario, s);
    for (const word of [
      'Harbour Logistics',
      'Maya',
      'Tom',
      'Lena',
      'BrewCo',
      'Habits',
      'aligned',
    ]) {
      expect(text).toContain(word);
    }
    expect(text).toMatch(/\d+%/);
  });

  it('reports a seeded event the scenario shows as a gust, with its direction', () => {
    let found = false;
    for (let seed = 0; seed < 40 && !found; seed++) {
      const s = playChoices(scenario, String(seed), ['depot-visit']);
      const gusts = gustsOf(scenario, s);
      if (gusts.length === 0) continue;
      found = true;
      // the first quarter's event, if any, is BrewCo's lunch: the customer does not trust us yet
      expect(gusts[0]).toMatchObject({ id: 'brewco-visit', direction: 'against' });
      expect(describeView(scenario, s)).toContain('against us');
    }
    expect(found).toBe(true);
  });
});
