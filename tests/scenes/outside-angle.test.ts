import { describe, expect, it } from 'vitest';
import { CLEAR_BY, outsideAngle, SOFT_CLEAR_BY } from '../../src/scenes/outside-angle.ts';

// The outside influences' rope turns off the ropes it would be drawn along. A trainee saw
// its diamond drawn on the habits' triangle in distrustful-account (market 276119, Q5),
// each name beside the other's marker: it now keeps clear of the habits' rope too, where
// it can do so without lying along a rival's.

const apart = (a: number, b: number) => {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
};

describe('the outside rope’s angle', () => {
  it('keeps the model’s angle where nothing runs near it', () => {
    expect(outsideAngle(-100, [0, 160], [-30])).toBe(-100);
  });

  it('turns off the habits’ rope where a turn is clear of every rival too', () => {
    const angle = outsideAngle(-95, [-150, 20], [-92]);
    expect(apart(angle, -92)).toBeGreaterThanOrEqual(SOFT_CLEAR_BY);
    expect(apart(angle, -150)).toBeGreaterThanOrEqual(CLEAR_BY);
    expect(apart(angle, 20)).toBeGreaterThanOrEqual(CLEAR_BY);
  });

  it('stays clear of the rivals first where no turn clears both', () => {
    // the only angle clear of both rivals lies along the habits' rope: the rivals win
    expect(outsideAngle(-90, [-130, -50], [-90])).toBe(-90);
  });
});
