// Every number the model keeps is rounded to a fixed grid after each step, so that the
// last bit of a transcendental function (which may differ between engines) can never
// change a score: Node and every browser replay a game to the same digits.

const GRID = 1e6;

export function q(value: number): number {
  // adding zero turns a negative zero (which would print differently) into zero and leaves
  // every other number as it is, without a branch: the census rounds a hundred million times
  return Math.round(value * GRID) / GRID + 0;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

export function clamp01(value: number): number {
  return clamp(value, 0, 1);
}

const RAD = Math.PI / 180;

export function cosDeg(deg: number): number {
  return q(Math.cos(deg * RAD));
}

export function sinDeg(deg: number): number {
  return q(Math.sin(deg * RAD));
}
