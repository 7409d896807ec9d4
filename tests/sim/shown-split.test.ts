import { describe, expect, it } from 'vitest';
import { apportion, roundChange } from '../../src/sim/index.ts';

// The causes listed beside a change are each rounded from their own exact part, and add up
// to the change shown where rounding allows; what rounding alone made is left over, never
// credited to a cause that moved the figure by less than half a step.

describe('apportion', () => {
  it('credits no cause with a step it did not move half of', () => {
    // three moves of 0.4 show as none each, though together they show as 1
    expect(apportion([0.4, 0.4, 0.4], 1)).toEqual({ steps: [0, 0, 0], unshown: 1 });
    // one move of 0.32 across a rounding boundary (99.4 → 99.7 shows as 99 → 100)
    expect(apportion([0.32], 1)).toEqual({ steps: [0], unshown: 1 });
  });

  it('rounds a rise and a fall alike, half away from zero', () => {
    expect(roundChange(-1.5)).toBe(-2);
    expect(roundChange(1.5)).toBe(2);
    expect(roundChange(-0.2)).toBe(0);
    expect(Object.is(roundChange(-0.2), -0)).toBe(false);
    expect(apportion([-1.5], -2)).toEqual({ steps: [-2], unshown: 0 });
  });

  it('moves the parts rounded furthest against the change shown, within their own step', () => {
    // 91.66 → 94.09 shows as +2: the reply's +2.58 is shown as +2, not +3
    expect(apportion([2.58, -0.012], 2)).toEqual({ steps: [2, 0], unshown: 0 });
    expect(apportion([0.6, 0.6, 0.6], 1)).toEqual({ steps: [0, 0, 1], unshown: 0 });
    expect(apportion([-0.6, -0.6], -1)).toEqual({ steps: [0, -1], unshown: 0 });
    const parts = [12.6, -30.45, 4.44, 0.49, -0.2];
    const total = Math.round(parts.reduce((s, v) => s + v, 0));
    const { steps, unshown } = apportion(parts, total);
    expect(steps.reduce((s, v) => s + v, unshown)).toBe(total);
    steps.forEach((v, i) => {
      expect(Math.abs(v - parts[i]!)).toBeLessThan(1);
      if (Math.abs(parts[i]!) < 0.5) expect(v).toBe(0);
    });
  });

  it('never turns a move into one the other way', () => {
    // a rise of 2.45 and a fall of 0.45 shown as +1: the rise keeps +2, rounding −1
    expect(apportion([2.45, -0.45], 1)).toEqual({ steps: [2, 0], unshown: -1 });
    // two steps short: the fall of 0.6 may show as none, never as a rise
    expect(apportion([-0.6, 1.4, 0.3], 3)).toEqual({ steps: [0, 2, 0], unshown: 1 });
  });
});
