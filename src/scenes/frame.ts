import { pullBasis, type Rope, ropes, type ScenarioDef, type SimState } from '../sim/index.ts';

// A frame is what the view shows at one instant: the sim's ropes (each with a presence,
// so a force that appears or dies down fades in or out; a rep who has left is simply not
// there) and where the customer sits.
// Between quarters the view shows frames blended from the previous state to the new one.

export interface FrameRope extends Rope {
  /** 0..1: how much of the rope is there (fading in or out) */
  presence: number;
}

export interface ViewFrame {
  ropes: FrameRope[];
  position: number;
  home: number;
  /** 0..1: the fraction of our team's pull the customer's distrust lets through */
  friction: number;
}

export function frameOf(scenario: ScenarioDef, state: SimState): ViewFrame {
  const departments = scenario.customer.departments.length;
  const list = ropes(state, scenario.params, departments);
  return {
    ropes: list.map((r) => ({ ...r, presence: 1 })),
    position: state.position,
    home: state.home,
    friction: pullBasis(state, scenario.params, departments).friction,
  };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Shortest way round from a to b, in degrees. */
export function lerpAngle(a: number, b: number, t: number): number {
  let d = ((((b - a) % 360) + 540) % 360) - 180;
  if (d === -180) d = 180;
  return a + d * t;
}

export function easeInOut(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c < 0.5 ? 4 * c * c * c : 1 - (-2 * c + 2) ** 3 / 2;
}

/**
 * The frame at t (0..1) between two quarters. The ropes move first and the customer
 * follows, so the player sees the cause before the effect.
 */
export function blendFrames(a: ViewFrame, b: ViewFrame, t: number): ViewFrame {
  const tr = easeInOut(t / 0.6);
  const tn = easeInOut((t - 0.3) / 0.7);
  const before = new Map(a.ropes.map((r) => [r.id, r]));
  const out: FrameRope[] = [];
  for (const r of b.ropes) {
    const p = before.get(r.id);
    before.delete(r.id);
    if (!p) {
      out.push({ ...r, pull: lerp(0, r.pull, tr), presence: lerp(0, r.presence, tr) });
      continue;
    }
    // the habit rope flips between up and down with the side its home is on; it is
    // drawn to its home peg, so only its end state's direction is meaningful
    const angle = r.side === 'habit' ? r.angle : lerpAngle(p.angle, r.angle, tr);
    out.push({
      ...r,
      angle,
      pull: lerp(p.pull, r.pull, tr),
      presence: lerp(p.presence, r.presence, tr),
    });
  }
  for (const p of before.values()) {
    // a force that died down fades out; a person who left the team pulls nothing from
    // the moment the quarter plays, so no faded rope of theirs is left on the picture
    if (p.side === 'team') continue;
    out.push({ ...p, pull: lerp(p.pull, 0, tr), presence: lerp(p.presence, 0, tr) });
  }
  return {
    ropes: out,
    position: lerp(a.position, b.position, tn),
    home: lerp(a.home, b.home, tn),
    friction: lerp(a.friction, b.friction, tr),
  };
}

/** Alignment of the team's ropes as drawn: |Σ pull·direction| / Σ pull. */
export function teamAlignment(frame: ViewFrame): {
  alignment: number;
  resultant: number;
  angle: number;
} {
  let sx = 0;
  let sy = 0;
  let total = 0;
  for (const r of frame.ropes) {
    if (r.side !== 'team') continue;
    const rad = (r.angle * Math.PI) / 180;
    sx += r.pull * Math.cos(rad);
    sy += r.pull * Math.sin(rad);
    total += r.pull;
  }
  const resultant = Math.hypot(sx, sy);
  return {
    alignment: total === 0 ? 0 : resultant / total,
    resultant,
    angle: (Math.atan2(sy, sx) * 180) / Math.PI,
  };
}
