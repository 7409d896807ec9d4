import { contactCount } from './contacts.ts';
import { clamp, q, turnDeg, turned } from './fixed.ts';
import { BREADTH_SHIELD } from './params.ts';
import type { Forces, MemberState, SimState } from './state.ts';
import type { ModelParams } from './types.ts';

// The picture is the simulation: these functions give both the numbers the model uses
// and the ropes the rope view draws, so what a player sees is what is computed.

export interface Rope {
  id: string;
  name: string;
  side: 'team' | 'competitor' | 'habit' | 'outside';
  /** degrees; 0 points from the customer towards our side (right), 180 to the competitors */
  angle: number;
  pull: number;
}

export function memberPull(m: MemberState): number {
  return m.present ? m.skill * m.effort * m.morale : 0;
}

/** The angle a member actually pulls at, after alignment forced by a directive call. */
export function effectiveAngle(m: MemberState, forced: number): number {
  return m.angle * (1 - forced);
}

export function breadth(state: SimState, departmentCount: number): number {
  if (departmentCount === 0) return 0;
  // the departments the company or anyone still on the team holds, each counted once
  let held = state.companyContacts;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.present) held |= m.contacts;
  }
  return contactCount(held) / departmentCount;
}

/** Length of the team's resultant pull over the sum of the pulls: 1 when all pull one way. */
export function teamResultant(state: SimState): { alignment: number; resultant: number } {
  const team = teamResultantNow(state);
  return { alignment: team.alignment, resultant: team.resultant };
}

const now = { alignment: 0, resultant: 0 };

/**
 * teamResultant() written into one object reused by every call, so the census's step
 * allocates nothing for it: read both figures at once, before anything else measures the
 * team again.
 */
export function teamResultantNow(state: SimState): { alignment: number; resultant: number } {
  let sx = 0;
  let sy = 0;
  let total = 0;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const p = memberPull(m);
    if (p === 0) continue;
    turnDeg(effectiveAngle(m, state.forced));
    sx += p * turned[0]!;
    sy += p * turned[1]!;
    total += p;
  }
  const resultant = Math.sqrt(sx * sx + sy * sy);
  now.alignment = total === 0 ? 0 : resultant / total;
  now.resultant = resultant;
  return now;
}

/**
 * The share of a rival's pull that reaches a customer engaged with us across this
 * fraction of its departments: each person there who works with us is one more a rival
 * must win over, so switching gets harder as breadth grows (003).
 */
export function rivalReach(breadthNow: number): number {
  // a step asks twice for the same breadth (its forces, then next year's outlook)
  if (breadthNow !== reachMemo[0]) {
    reachMemo[0] = breadthNow;
    reachMemo[1] = 1 / (1 + BREADTH_SHIELD * breadthNow);
  }
  return reachMemo[1]!;
}
// [breadth, its reach], in a typed array: a number kept in a module's variable is boxed
// on the heap, so each new value stored there allocated one (and a write barrier)
const reachMemo = new Float64Array([Number.NaN, 0]);

/**
 * The share of our team's pull that reaches a customer trusting us this much: distrust is
 * friction. With no trust only `trustFloor` of it gets through, with full trust all of it.
 */
export function trustFriction(trust: number, params: ModelParams): number {
  return params.trustFloor + (1 - params.trustFloor) * trust;
}

/** What contacts across this fraction of the customer's departments multiply our pull by. */
export function contactsGrip(breadthNow: number, params: ModelParams): number {
  return 1 + params.breadthPull * breadthNow;
}

/**
 * What stands between the pulls people make and the pulls the customer feels, for the
 * picture and its text: trust's friction and contacts' grip on our team's ropes, and the
 * share of a rival's pull that gets past our contacts.
 */
export interface PullBasis {
  /** 0..1, the fraction of our pull that distrust lets through */
  friction: number;
  /** ≥ 1, what our contacts across the departments multiply our pull by */
  contacts: number;
  /** 0..1, the fraction of a rival's pull that gets past our contacts */
  rivalReach: number;
  /** 0..1, the fraction of the customer's departments where we have contacts */
  breadth: number;
}

export function pullBasis(
  state: SimState,
  params: ModelParams,
  departmentCount: number,
): PullBasis {
  const b = breadth(state, departmentCount);
  return {
    friction: trustFriction(state.trust, params),
    contacts: contactsGrip(b, params),
    rivalReach: rivalReach(b),
    breadth: b,
  };
}

/**
 * The pulls on the customer. step() passes the team's resultant and the breadth it has
 * already measured this quarter, so they are not computed twice on the hot path.
 */
export function forces(
  state: SimState,
  params: ModelParams,
  departmentCount: number,
  resultant: number = teamResultant(state).resultant,
  b: number = breadth(state, departmentCount),
  out: Forces | null = null,
): Forces {
  const us = resultant * trustFriction(state.trust, params) * contactsGrip(b, params);
  let them = 0;
  for (const c of state.competitors) them += c.strength * c.alignment;
  them = them * rivalReach(b);
  const habit = params.habit * (1 + params.breadthHabit * b);
  const outside = state.outside;
  const target = clamp(
    (us - them + outside + habit * state.home) / (us + them + Math.abs(outside) + habit),
    -1,
    1,
  );
  if (out === null) return { us, them, outside, habit, target };
  // the census's own report for this depth, written over rather than allocated again
  out.us = us;
  out.them = them;
  out.outside = outside;
  out.habit = habit;
  out.target = target;
  return out;
}

/** Every rope on the view, for drawing and for the text equivalent. */
export function ropes(state: SimState, params: ModelParams, departmentCount: number): Rope[] {
  const b = breadth(state, departmentCount);
  const f = forces(state, params, departmentCount, teamResultant(state).resultant, b);
  // each rope is drawn with the pull the customer feels: the rep's own pull after the
  // friction of distrust and the grip of contacts across the customer's departments,
  // exactly as forces() sums them
  const felt = trustFriction(state.trust, params) * contactsGrip(b, params);
  const out: Rope[] = [];
  for (const m of state.members) {
    if (!m.present) continue;
    out.push({
      id: m.id,
      name: m.name,
      side: 'team',
      angle: effectiveAngle(m, state.forced),
      pull: q(memberPull(m) * felt),
    });
  }
  const n = state.competitors.length;
  const reach = rivalReach(b);
  state.competitors.forEach((c, i) => {
    // competitors fan out on the far side; a divided competitor spreads wider
    const spread = (1 - c.alignment) * 70 + 10;
    const offset = n === 1 ? 0 : (i / (n - 1) - 0.5) * 2 * spread;
    out.push({
      id: c.id,
      name: c.name,
      side: 'competitor',
      angle: 180 + offset,
      pull: q(c.strength * c.alignment * reach),
    });
  });
  out.push({
    id: 'habit',
    name: 'Habits and status quo',
    side: 'habit',
    angle: state.home >= state.position ? 90 : 270,
    pull: q(f.habit * Math.abs(state.home - state.position)),
  });
  if (state.outside !== 0) {
    out.push({
      id: 'outside',
      name: 'Outside influences',
      side: 'outside',
      angle: state.outside > 0 ? 45 : 225,
      pull: Math.abs(state.outside),
    });
  }
  return out;
}
