import { contactCount } from './contacts.ts';
import { clamp, clamp01, q } from './fixed.ts';
import { PRICE_RIVAL } from './params.ts';
import { breadth, teamResultant } from './ropes.ts';
import type { Cause, MemberState, SimState } from './state.ts';
import { teamAverage } from './state.ts';
import type { EffectKey, EffectSet, MemberEffect } from './types.ts';

// Effects mutate a state that step() has already copied, and write down what each one
// moved and by how much, so the debrief can trace every change back to its cause.

export type CauseSource = Omit<Cause, 'metric' | 'delta'>;

interface Ctx {
  state: SimState;
  departments: readonly string[];
  /** null when nobody will read the causes (the strategy census): saves the work */
  causes: Cause[] | null;
  source: CauseSource;
}

// Measures taken only to record a cause are skipped when nobody records them: the census
// plays a million games without causes. The frequent effects write it as
// `traced(ctx) ? measure : 0`, since a callback there allocated a closure per effect.
function traced(ctx: Ctx): boolean {
  return ctx.causes !== null;
}

function record(ctx: Ctx, metric: string, before: number, after: number): void {
  if (ctx.causes === null) return;
  const delta = q(after - before);
  if (delta === 0) return;
  const { source, ref, origin, note } = ctx.source;
  const cause: Cause = { metric, delta, source, ref, origin };
  if (note !== undefined) cause.note = note;
  ctx.causes.push(cause);
}

function present(state: SimState): MemberState[] {
  return state.members.filter((m) => m.present);
}

function shiftAlignment(state: SimState, d: number): void {
  // i counts present members only, so the alternation skips those who left
  let i = -1;
  for (const m of state.members) {
    if (!m.present) continue;
    i++;
    if (d >= 0) {
      m.angle = m.angle * (1 - Math.min(d, 1));
    } else {
      // a straight rope gets pushed off the line too, alternately up and down,
      // so that a team that pulled as one can still be split
      const side = m.angle !== 0 ? Math.sign(m.angle) : i % 2 === 0 ? 1 : -1;
      m.angle = side * Math.min(90, Math.abs(m.angle) * (1 - d) + -d * 30);
    }
  }
}

/** The departments the company, or anyone still on the team, holds a contact in, as bits. */
function heldContacts(state: SimState): number {
  let held = state.companyContacts;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.present) held |= m.contacts;
  }
  return held;
}

/** The first member still on the team with the fewest contacts. */
function leastConnected(state: SimState): MemberState | null {
  let least: MemberState | null = null;
  let fewest = 0;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!m.present) continue;
    const n = contactCount(m.contacts);
    if (least === null || n < fewest) {
      least = m;
      fewest = n;
    }
  }
  return least;
}

// Contacts are bit sets (contacts.ts): department i of the scenario is bit i, so the
// departments are walked in the scenario's order by their index.
function changeContacts(ctx: Ctx, n: number): void {
  const { state, departments } = ctx;
  // adding or dropping one department never changes whether a later one is held, so the
  // departments held before any change answer for the whole loop
  const held = heldContacts(state);
  if (n > 0) {
    let toAdd = Math.round(n);
    for (let i = 0; i < departments.length && toAdd > 0; i++) {
      const bit = 1 << i;
      if (held & bit) continue;
      const least = leastConnected(state);
      if (least === null) break;
      least.contacts |= bit;
      toAdd--;
    }
  } else {
    let toDrop = Math.round(-n);
    for (let i = departments.length - 1; i >= 0 && toDrop > 0; i--) {
      const bit = 1 << i;
      if (state.companyContacts & bit || !(held & bit)) continue;
      for (const m of state.members) if (m.present) m.contacts &= ~bit;
      toDrop--;
    }
  }
}

/** Up to n contacts held by one person only become the company's: by member, then department order. */
function institutionalise(state: SimState, departmentCount: number, n: number): void {
  let left = Math.round(n);
  for (const m of present(state)) {
    for (let i = 0; i < departmentCount; i++) {
      const bit = 1 << i;
      if (!(m.contacts & bit)) continue;
      if (left <= 0) return;
      if (state.companyContacts & bit) continue;
      state.companyContacts |= bit;
      left--;
    }
  }
}

const TEAM_LIMITS = {
  morale: [0.05, 1],
  effort: [0.2, 1.6],
  skill: [0.1, 1.5],
} as const;

// Each property is named in full rather than read as m[key], and the limits are read by
// index, not destructured: a variable key, or an iterator, in the census's hottest loop
// made it several times slower.
function adjustTeam(ctx: Ctx, key: 'morale' | 'effort' | 'skill', d: number): void {
  const { state } = ctx;
  const limits = TEAM_LIMITS[key];
  const lo = limits[0];
  const hi = limits[1];
  const before = traced(ctx) ? teamAverage(state, key) : 0;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!m.present) continue;
    if (key === 'morale') m.morale = clamp(m.morale + d, lo, hi);
    else if (key === 'effort') m.effort = clamp(m.effort + d, lo, hi);
    else m.skill = clamp(m.skill + d, lo, hi);
  }
  record(ctx, key, before, traced(ctx) ? teamAverage(state, key) : 0);
}

function applyOne(ctx: Ctx, key: EffectKey, d: number): void {
  const { state } = ctx;
  const dept = ctx.departments.length;
  switch (key) {
    case 'alignment': {
      const before = traced(ctx) ? teamResultant(state).alignment : 0;
      shiftAlignment(state, d);
      record(ctx, 'alignment', before, traced(ctx) ? teamResultant(state).alignment : 0);
      return;
    }
    case 'trust': {
      const before = state.trust;
      state.trust = clamp01(before + d);
      record(ctx, 'trust', before, state.trust);
      return;
    }
    case 'morale':
    case 'effort':
    case 'skill':
      adjustTeam(ctx, key, d);
      return;
    case 'autonomy': {
      const before = state.autonomy;
      state.autonomy = clamp01(before + d);
      record(ctx, 'autonomy', before, state.autonomy);
      return;
    }
    case 'contacts':
    case 'shareContacts': {
      const before = traced(ctx) ? breadth(state, dept) : 0;
      const ownedBefore = contactCount(state.companyContacts);
      if (key === 'contacts') changeContacts(ctx, d);
      else institutionalise(state, dept, d);
      record(ctx, 'breadth', before, traced(ctx) ? breadth(state, dept) : 0);
      if (key === 'shareContacts') {
        record(ctx, 'companyContacts', ownedBefore, contactCount(state.companyContacts));
      }
      return;
    }
    case 'brand': {
      const before = state.brand;
      state.brand = clamp01(before + d);
      record(ctx, 'brand', before, state.brand);
      return;
    }
    case 'competitor':
    case 'competitorAlignment': {
      for (const c of state.competitors) {
        if (key === 'competitor') {
          const before = c.strength;
          c.strength = clamp(before + d, 0.05, 10);
          if (traced(ctx)) record(ctx, `competitor:${c.id}`, before, c.strength);
        } else {
          const before = c.alignment;
          c.alignment = clamp(before + d, 0.05, 1);
          if (traced(ctx)) record(ctx, `competitorAlignment:${c.id}`, before, c.alignment);
        }
      }
      return;
    }
    case 'outside': {
      const before = state.outside;
      state.outside = before + d;
      record(ctx, 'outside', before, state.outside);
      return;
    }
    case 'market': {
      const before = state.marketSize;
      state.marketSize = Math.max(1, before * (1 + d));
      record(ctx, 'marketSize', before, state.marketSize);
      return;
    }
    case 'home': {
      const before = state.home;
      state.home = clamp(before + d, -1, 1);
      record(ctx, 'home', before, state.home);
      return;
    }
    case 'price':
      changePrice(ctx, d);
      return;
    case 'costToServe': {
      const before = state.costToServe;
      state.costToServe = clamp(before + d, 0, 2);
      record(ctx, 'costToServe', before, state.costToServe);
      return;
    }
    case 'leech': {
      const before = state.leech;
      state.leech = clamp01(before + d);
      record(ctx, 'leech', before, state.leech);
      return;
    }
  }
}

/** A price move: every unit sold earns more or less margin, and a cut invites an answer. */
function changePrice(ctx: Ctx, d: number): void {
  const state = ctx.state;
  const before = state.price;
  state.price = clamp(before + d, 0.5, 1.5);
  record(ctx, 'price', before, state.price);
  const cut = before - state.price;
  if (cut <= 0) return;
  // rivals do not let a price cut stand unanswered: each pulls harder from now on
  for (const c of state.competitors) {
    const was = c.strength;
    c.strength = clamp(was + PRICE_RIVAL * cut, 0.05, 10);
    if (traced(ctx)) record(ctx, `competitor:${c.id}`, was, c.strength);
  }
}

function memberById(state: SimState, id: string): MemberState | null {
  const members = state.members;
  for (let i = 0; i < members.length; i++) if (members[i]!.id === id) return members[i]!;
  return null;
}

// written out like adjustTeam, and the cause's name built only when causes are recorded
function adjustMember(
  ctx: Ctx,
  m: MemberState,
  key: 'morale' | 'effort' | 'skill',
  d: number | undefined,
): void {
  if (d === undefined) return;
  const limits = TEAM_LIMITS[key];
  const before = key === 'morale' ? m.morale : key === 'effort' ? m.effort : m.skill;
  const after = clamp(before + d, limits[0], limits[1]);
  if (key === 'morale') m.morale = after;
  else if (key === 'effort') m.effort = after;
  else m.skill = after;
  if (traced(ctx)) record(ctx, `${key}:${m.id}`, before, after);
}

function applyMember(ctx: Ctx, e: MemberEntry): void {
  const m = memberById(ctx.state, e.id);
  if (m === null || !m.present) return;
  adjustMember(ctx, m, 'morale', e.morale);
  adjustMember(ctx, m, 'effort', e.effort);
  adjustMember(ctx, m, 'skill', e.skill);
  if (e.angle !== undefined) {
    const before = traced(ctx) ? teamResultant(ctx.state).alignment : 0;
    m.angle = clamp(m.angle + e.angle, -90, 90);
    record(ctx, 'alignment', before, traced(ctx) ? teamResultant(ctx.state).alignment : 0);
  }
  if (e.leaves) {
    const reach = () => (traced(ctx) ? breadth(ctx.state, ctx.departments.length) : 0);
    const align = () => (traced(ctx) ? teamResultant(ctx.state).alignment : 0);
    const before = reach();
    const alignBefore = align();
    m.present = false;
    m.contacts = 0;
    record(ctx, 'breadth', before, reach());
    record(ctx, 'alignment', alignBefore, align());
    record(ctx, `left:${m.id}`, 0, -1);
  }
}

/** An effect set as a list of [key, amount], without the zeros; see prepared.ts. */
export type EffectEntries = readonly (readonly [EffectKey, number])[];
/**
 * An effect on one member as a step applies it. Each is made by one literal, so that every
 * entry has one hidden class: the effects read from a file differ in which fields they
 * hold, and reading a field of many such objects at one place is a slow, megamorphic lookup.
 */
export interface MemberEntry {
  /** the member's id, the shared copy of its text (a property's name always is) */
  id: string;
  morale: number | undefined;
  effort: number | undefined;
  skill: number | undefined;
  angle: number | undefined;
  leaves: boolean;
}
export type MemberEntries = readonly MemberEntry[];

const NO_ENTRIES: EffectEntries = Object.freeze([]);

// one list per effect set object: prepare() builds the scenario's lists through these, and
// effects that fall due, which the state keeps as effect sets (saves hold them), are
// listed here when they fire
const entryLists = new WeakMap<EffectSet, EffectEntries>();
const memberLists = new WeakMap<Record<string, MemberEffect>, MemberEntries>();

export function entriesOf(effects: EffectSet | undefined): EffectEntries {
  if (!effects) return NO_ENTRIES;
  let list = entryLists.get(effects);
  if (!list) {
    list = (Object.entries(effects) as [EffectKey, number | undefined][]).filter(
      (e): e is [EffectKey, number] => e[1] !== undefined && e[1] !== 0,
    );
    entryLists.set(effects, list);
  }
  return list;
}

export function memberEntriesOf(members: Record<string, MemberEffect>): MemberEntries {
  let list = memberLists.get(members);
  if (!list) {
    list = Object.entries(members).map(([id, e]) => ({
      id,
      morale: e.morale,
      effort: e.effort,
      skill: e.skill,
      angle: e.angle,
      leaves: e.leaves === true,
    }));
    memberLists.set(members, list);
  }
  return list;
}

/** Applies an effect list, then effects aimed at single members, in their written order. */
export function applyEntries(
  state: SimState,
  departments: readonly string[],
  causes: Cause[] | null,
  source: CauseSource,
  effects: EffectEntries,
  members: MemberEntries | null,
): void {
  let ctx: Ctx;
  if (causes === null) {
    ctx = untraced;
    ctx.state = state;
    ctx.departments = departments;
  } else {
    ctx = { state, departments, causes, source };
  }
  for (let i = 0; i < effects.length; i++) applyOne(ctx, effects[i]![0], effects[i]![1]);
  if (members) for (let i = 0; i < members.length; i++) applyMember(ctx, members[i]!);
  // the shared context keeps no state between calls
  if (ctx === untraced) {
    untraced.state = null as unknown as SimState;
    untraced.departments = NO_DEPARTMENTS;
  }
}

const NO_DEPARTMENTS: readonly string[] = Object.freeze([]);
// the census applies effects a million times without recording causes: one context
// serves all those calls, rather than one allocated per call
const untraced: Ctx = {
  state: null as unknown as SimState,
  departments: NO_DEPARTMENTS,
  causes: null,
  source: { source: 'choice', ref: '', origin: 0 },
};

export function applyEffects(
  state: SimState,
  departments: readonly string[],
  causes: Cause[] | null,
  source: CauseSource,
  effects: EffectSet | undefined,
  members?: Record<string, MemberEffect>,
): void {
  const list = members ? memberEntriesOf(members) : null;
  applyEntries(state, departments, causes, source, entriesOf(effects), list);
}
