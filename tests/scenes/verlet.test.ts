import { describe, expect, it } from 'vitest';
import {
  createRope,
  type RopeTargets,
  ropeLength,
  sagDepth,
  settleRope,
  stepRope,
} from '../../src/scenes/verlet.ts';

const ends = (slack: number): RopeTargets => ({ ax: 0, ay: 100, bx: 300, by: 100, slack });

describe('a Verlet rope between a puller and the customer', () => {
  it('keeps both ends exactly on their targets, even when the targets move', () => {
    const rope = createRope(12, ends(0.05));
    const moved = { ax: 20, ay: 60, bx: 250, by: 140, slack: 0.05 };
    for (let i = 0; i < 30; i++) stepRope(rope, moved, 1 / 60);
    expect([rope.x[0], rope.y[0], rope.x[11], rope.y[11]]).toEqual([20, 60, 250, 140]);
  });

  it('runs straight when taut and without gravity', () => {
    const rope = createRope(10, ends(0));
    settleRope(rope, ends(0), { gravity: 0, damping: 0.9, iterations: 20 });
    expect(sagDepth(rope)).toBeLessThan(0.5);
  });

  it('sags under gravity, and sags more the slacker it is', () => {
    const taut = createRope(14, ends(0.02));
    const slack = createRope(14, ends(0.18));
    settleRope(taut, ends(0.02));
    settleRope(slack, ends(0.18));
    expect(sagDepth(taut)).toBeGreaterThan(2);
    expect(sagDepth(slack)).toBeGreaterThan(sagDepth(taut) * 2);
    // it hangs below the chord (screen y grows downwards), not above it
    expect(slack.y[7]!).toBeGreaterThan(100);
  });

  it('holds its length close to the rest length its slack asks for', () => {
    const rope = createRope(14, ends(0.1));
    settleRope(rope, ends(0.1));
    expect(ropeLength(rope)).toBeGreaterThan(300 * 1.1 * 0.97);
    expect(ropeLength(rope)).toBeLessThan(300 * 1.1 * 1.03);
  });

  it('comes to rest: a settled rope reports no motion', () => {
    const rope = createRope(14, ends(0.1));
    settleRope(rope, ends(0.1));
    expect(stepRope(rope, ends(0.1), 1 / 60)).toBeLessThan(0.05);
  });

  it('refuses a rope of fewer than two points', () => {
    expect(() => createRope(1, ends(0))).toThrow(/at least 2 points/);
  });
});
