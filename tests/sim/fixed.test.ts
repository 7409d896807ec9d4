import { describe, expect, it } from 'vitest';
import { q } from '../../src/sim/index.ts';

describe('the fixed grid', () => {
  it('rounds every figure to the nearest millionth', () => {
    expect(q(0.1 + 0.2)).toBe(0.3);
    expect(q(1.2345675)).toBe(1.234568);
    expect(q(-1.2345674)).toBe(-1.234567);
    expect(q(2 / 3)).toBe(0.666667);
  });

  it('never hands back a negative zero, which would print as -0 in a record', () => {
    for (const v of [-0, -1e-9, -4.9e-7, -5e-7, 0]) expect(Object.is(q(v), 0)).toBe(true);
  });
});
