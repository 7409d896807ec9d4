import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/ui/apportion.ts';

// The causes listed beside a change add up to the change shown, after rounding.

describe('apportion', () => {
  it('rounds parts so they add up to the rounded total', () => {
    // three parts of 0.4 round to 0 each, yet their sum shows as 1
    expect(apportion([0.4, 0.4, 0.4], 1)).toEqual([1, 0, 0]);
    const parts = [12.6, -30.45, 4.44, 0.49, -0.2];
    const total = Math.round(parts.reduce((s, v) => s + v, 0));
    const out = apportion(parts, total);
    expect(out.reduce((s, v) => s + v, 0)).toBe(total);
    // no part moves by more than one step from its own rounding
    out.forEach((v, i) => {
      expect(Math.abs(v - parts[i]!)).toBeLessThan(1.5);
    });
  });

  it('takes from the parts rounded up most when the rounded parts overshoot', () => {
    expect(apportion([0.6, 0.6, 0.6], 1)).toEqual([0, 0, 1]);
    expect(apportion([-0.6, -0.6], -1)).toEqual([0, -1]);
  });
});
