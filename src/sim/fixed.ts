// Which numbers the model rounds, and why (model 3).
//
// A game must replay to the same bits in Node, in every browser and on the server. The
// operations +, -, *, / and Math.sqrt, round, min, max, abs, sign are exactly specified by
// IEEE 754 and JavaScript forbids fusing a multiply and an add, so they give the same bits
// in every engine: plain arithmetic needs no rounding. Only functions the language leaves
// to each engine (Math.sin, cos, exp, log, pow and the ** operator) may differ by the last
// bit, so their outputs, and nothing else, are rounded to a grid of 10^-6 by q(). The rope
// angles' sines and cosines below need no rounding: they are polynomials, plain arithmetic.
// Model 2 rounded every figure it kept, about 650,000 roundings in one census of 6,561
// strategies: a third of its time.

const GRID = 1e6;

/** A transcendental function's output on the grid of 10^-6, the same in every engine. */
export function q(value: number): number {
  // adding zero turns a negative zero (which would print differently) into zero and leaves
  // every other number as it is, without a branch
  return Math.round(value * GRID) / GRID + 0;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

export function clamp01(value: number): number {
  return clamp(value, 0, 1);
}

const RAD = Math.PI / 180;

// Taylor coefficients, 1/n!, with alternating signs. On a quarter turn either side of
// zero the sine's polynomial is within 1e-11 of the true sine and the cosine's within
// 1e-10, far below the grid the figures are shown on; past a quarter turn the angle is
// reflected into that range first.
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const S13 = 1 / 6227020800;
const S15 = -1 / 1307674368000;
const C2 = -1 / 2;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;
const C10 = -1 / 3628800;
const C12 = 1 / 479001600;
const C14 = -1 / 87178291200;
const C16 = 1 / 20922789888000;

/** sin(x) for x in radians within a quarter turn of zero. */
function sinQuarter(x: number): number {
  const x2 = x * x;
  return (
    x * (1 + x2 * (S3 + x2 * (S5 + x2 * (S7 + x2 * (S9 + x2 * (S11 + x2 * (S13 + x2 * S15)))))))
  );
}

/** cos(x) for x in radians within a quarter turn of zero. */
function cosQuarter(x: number): number {
  const x2 = x * x;
  return (
    1 +
    x2 * (C2 + x2 * (C4 + x2 * (C6 + x2 * (C8 + x2 * (C10 + x2 * (C12 + x2 * (C14 + x2 * C16)))))))
  );
}

/** The angle in degrees brought within half a turn of zero. */
function halfTurn(deg: number): number {
  return deg >= -180 && deg <= 180 ? deg : deg - 360 * Math.round(deg / 360);
}

/**
 * The cosine and sine of an angle in degrees, plain arithmetic with the same bits in every
 * engine, written into `turned` (cosine, then sine) rather than returned: a number returned
 * by a function the engine does not inline comes back in a fresh heap box, and the census
 * turns every rope twice a quarter. Storing into a Float64Array allocates nothing.
 */
export function turnDeg(deg: number): void {
  const d = halfTurn(deg);
  // past a quarter turn: cos(180° − d) = −cos(d), sin(180° − d) = sin(d)
  const x = (d > 90 ? 180 - d : d < -90 ? -180 - d : d) * RAD;
  const c = cosQuarter(x);
  turned[0] = d > 90 || d < -90 ? -c : c;
  turned[1] = sinQuarter(x);
}

/** The cosine of an angle in degrees (turnDeg's, for code off the census's path). */
export function cosDeg(deg: number): number {
  turnDeg(deg);
  return turned[0]!;
}

/** The sine of an angle in degrees (turnDeg's, for code off the census's path). */
export function sinDeg(deg: number): number {
  turnDeg(deg);
  return turned[1]!;
}

/** The last turnDeg's cosine [0] and sine [1]. */
export const turned = new Float64Array(2);
