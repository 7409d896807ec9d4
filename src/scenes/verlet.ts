// A small Verlet rope: a chain of points pinned at both ends (the puller's anchor and
// the customer node), held together by distance constraints and pulled down by gravity.
// A rope whose total length is longer than the gap between its pins sags; a taut one
// (slack near 0) runs straight. Pure TypeScript, no Phaser, so it is unit-tested.

export interface VerletRope {
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** positions one step ago: velocity is implied by x − px */
  readonly px: Float64Array;
  readonly py: Float64Array;
}

export interface RopeTargets {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** extra length over the distance between the pins, as a fraction (0.1 = 10 % longer) */
  slack: number;
}

export interface RopePhysics {
  /** px / s² */
  gravity: number;
  /** fraction of velocity kept per step, 0..1 */
  damping: number;
  /** constraint passes per step: more is stiffer */
  iterations: number;
}

// stiff enough that a rope keeps its length (a stretchy rope would sag however taut);
// a rope of 14 points costs 14 × 40 cheap constraint passes a step
export const DEFAULT_PHYSICS: RopePhysics = { gravity: 700, damping: 0.95, iterations: 40 };

/** A straight rope between the two ends, at rest. */
export function createRope(count: number, t: RopeTargets): VerletRope {
  if (count < 2) throw new RangeError(`a rope needs at least 2 points, got ${count}`);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const f = i / (count - 1);
    x[i] = t.ax + (t.bx - t.ax) * f;
    y[i] = t.ay + (t.by - t.ay) * f;
  }
  return { count, x, y, px: x.slice(), py: y.slice() };
}

/** Advances the rope by dt seconds towards its targets; returns the largest point speed (px/step). */
export function stepRope(
  rope: VerletRope,
  t: RopeTargets,
  dt: number,
  physics: RopePhysics = DEFAULT_PHYSICS,
): number {
  const { count, x, y, px, py } = rope;
  const last = count - 1;
  const g = physics.gravity * dt * dt;
  let fastest = 0;
  for (let i = 1; i < last; i++) {
    const vx = (x[i]! - px[i]!) * physics.damping;
    const vy = (y[i]! - py[i]!) * physics.damping;
    px[i] = x[i]!;
    py[i] = y[i]!;
    x[i] = x[i]! + vx;
    y[i] = y[i]! + vy + g;
    fastest = Math.max(fastest, Math.abs(vx) + Math.abs(vy));
  }
  // the pins follow their targets exactly: the anchor and the node are placed by the sim
  const endMove =
    Math.abs(x[0]! - t.ax) +
    Math.abs(y[0]! - t.ay) +
    Math.abs(x[last]! - t.bx) +
    Math.abs(y[last]! - t.by);
  fastest = Math.max(fastest, endMove);
  x[0] = px[0] = t.ax;
  y[0] = py[0] = t.ay;
  x[last] = px[last] = t.bx;
  y[last] = py[last] = t.by;

  const gap = Math.hypot(t.bx - t.ax, t.by - t.ay);
  const segment = (gap * (1 + Math.max(0, t.slack))) / last;
  for (let k = 0; k < physics.iterations; k++) {
    for (let i = 0; i < last; i++) {
      const dx = x[i + 1]! - x[i]!;
      const dy = y[i + 1]! - y[i]!;
      const d = Math.hypot(dx, dy) || 1e-9;
      const diff = (d - segment) / d;
      // a pinned end does not move, so its neighbour takes the whole correction
      const wa = i === 0 ? 0 : i + 1 === last ? 1 : 0.5;
      const wb = i + 1 === last ? 0 : i === 0 ? 1 : 0.5;
      x[i] = x[i]! + dx * diff * wa;
      y[i] = y[i]! + dy * diff * wa;
      x[i + 1] = x[i + 1]! - dx * diff * wb;
      y[i + 1] = y[i + 1]! - dy * diff * wb;
    }
  }
  return fastest;
}

/** Runs the rope until it is still (or maxSteps pass): for reduced motion and first frames. */
export function settleRope(
  rope: VerletRope,
  t: RopeTargets,
  physics: RopePhysics = DEFAULT_PHYSICS,
  maxSteps = 400,
): number {
  let steps = 0;
  while (steps < maxSteps) {
    steps++;
    if (stepRope(rope, t, 1 / 60, physics) < 0.01 && steps > 2) break;
  }
  return steps;
}

/** How far the rope hangs below the straight line between its ends, at its deepest (px). */
export function sagDepth(rope: VerletRope): number {
  const last = rope.count - 1;
  const ax = rope.x[0]!;
  const ay = rope.y[0]!;
  const dx = rope.x[last]! - ax;
  const dy = rope.y[last]! - ay;
  const len = Math.hypot(dx, dy) || 1;
  let deepest = 0;
  for (let i = 1; i < last; i++) {
    // signed distance from the chord; positive below it on screen (y grows downwards)
    const cross = ((rope.x[i]! - ax) * dy - (rope.y[i]! - ay) * dx) / len;
    deepest = Math.max(deepest, Math.abs(cross));
  }
  return deepest;
}

/** Total length along the rope's points. */
export function ropeLength(rope: VerletRope): number {
  let sum = 0;
  for (let i = 1; i < rope.count; i++) {
    sum += Math.hypot(rope.x[i]! - rope.x[i - 1]!, rope.y[i]! - rope.y[i - 1]!);
  }
  return sum;
}
