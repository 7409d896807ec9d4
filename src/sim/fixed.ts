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

// The cosine and sine of the angles met lately, in a table of slots picked by the angle's
// figures on the grid: the census turns the same few hundred rope angles a million times,
// and a lookup costs a fraction of the two functions. A slot holds the last angle that
// fell in it, compared exactly, so the table changes no result.
const TRIG_SLOTS = 4096;
const trigAngles = new Float64Array(TRIG_SLOTS).fill(Number.NaN);
const cosines = new Float64Array(TRIG_SLOTS);
const sines = new Float64Array(TRIG_SLOTS);

// the sine is asked for right after the cosine of the same angle
let lastAngle = Number.NaN;
let lastSlot = 0;

function trigSlot(deg: number): number {
  if (deg === lastAngle) return lastSlot;
  const slot = Math.imul(Math.round(deg * GRID) | 0, 0x9e3779b1) >>> 20;
  if (trigAngles[slot] !== deg) {
    trigAngles[slot] = deg;
    cosines[slot] = q(Math.cos(deg * RAD));
    sines[slot] = q(Math.sin(deg * RAD));
  }
  lastAngle = deg;
  lastSlot = slot;
  return slot;
}

export function cosDeg(deg: number): number {
  return cosines[trigSlot(deg)]!;
}

export function sinDeg(deg: number): number {
  return sines[trigSlot(deg)]!;
}
