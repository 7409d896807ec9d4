import { type ActAmounts, actAmounts } from './act-amounts.ts';
import { contactCount } from './contacts.ts';
import type { CauseSource } from './effects.ts';
import { clamp, clamp01, q } from './fixed.ts';
import { CAPACITY_BAR, DELEGATE_REACH, PUSH_TRUST_BAR, READY_SKILL } from './params.ts';
import { teamResultant } from './ropes.ts';
import type { Cause, MemberState, SimState } from './state.ts';
import type { Acts } from './types.ts';

// Model 2: how the situation the player has built answers what a reply does. The same act
// helps in one state and hurts in another, so the right reply depends on reading the team
// and the customer, not on a label:
// - telling: a fast, firm call. Effort and alignment now; a novice learns from clear
//   direction, a veteran loses commitment; autonomy wears down; the forced alignment
//   relaxes later and the fan springs open wider (Situational leadership; Lafferty).
// - involving: the team decides together. Lasting convergence, in proportion to how
//   competent the team is; commitment and autonomy grow; it takes time, which a crisis
//   does not have (Liedtka's shared goals).
// - delegating: the people close to the customer act. It works only above a bar of
//   capacity (readiness, autonomy, contacts the company shares); below it the customer
//   sees novices fumble (003's distributed control).
// - pushing: pressing the customer for orders, data or a campaign. Works when the
//   customer trusts us, backfires when it does not, and rivals answer it (001, 004).
// - giving: help before asking for anything. Trust grows, the more the less there is (004).

/** One person's readiness: competence × commitment. */
function readinessOf(m: MemberState): number {
  return Math.min(1, m.skill) * m.morale;
}

/** Readiness of the people on the team: mean competence × commitment. */
function readiness(state: SimState): number {
  let sum = 0;
  let n = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    sum += readinessOf(m);
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** The present member a reply is aimed at (ChoiceDef.person); null when gone. */
function aimedAt(state: SimState, person: string): MemberState | null {
  for (const m of state.members) if (m.id === person) return m.present ? m : null;
  return null;
}

/** How competent the people asked are: the team's mean, or the one person's. */
function involvedSkill(state: SimState, person: string | null): number {
  if (person === null) return meanSkill(state);
  const m = aimedAt(state, person);
  return m === null ? 0 : Math.min(1, m.skill);
}

function meanSkill(state: SimState): number {
  let sum = 0;
  let n = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    sum += Math.min(1, m.skill);
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** Share of the contacts we hold that the company holds too, not one person alone. */
function sharedContacts(state: SimState): number {
  const company = state.companyContacts;
  // a contact two people hold alone counts twice: either may leave with it
  let personal = 0;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.present) personal += contactCount(m.contacts & ~company);
  }
  const companyCount = contactCount(company);
  return companyCount + personal === 0 ? 0 : companyCount / (companyCount + personal);
}

/**
 * What the team can carry without the manager, 0..1: ready people, the freedom to act,
 * and contacts the company shares (so no one person is a bottleneck).
 */
export function capacity(state: SimState): number {
  return capacityWith(readiness(state), state);
}

/** Capacity for a given readiness: the freedom to act and the contacts the company shares. */
function capacityWith(ready: number, state: SimState): number {
  return ready * (0.5 + 0.5 * state.autonomy) * (0.7 + 0.6 * sharedContacts(state));
}

/**
 * What one person can carry when the work is handed to them: their own readiness in
 * place of the team's mean, with the same freedom to act and the same shared contacts. A
 * hand-over to a veteran can work in a team of novices, and one to a novice can fail in a
 * seasoned team; a person who has left carries nothing.
 */
function capacityOf(state: SimState, m: MemberState | null): number {
  return m === null ? 0 : capacityWith(readinessOf(m), state);
}

interface ActCtx {
  state: SimState;
  causes: Cause[] | null;
  source: CauseSource;
  /** the one member telling, involving and handing over reach; null: the whole team */
  person: string | null;
}

/** Whether an act on people reaches this member: everyone, or the one it is aimed at. */
function reaches(ctx: ActCtx, m: MemberState): boolean {
  return m.present && (ctx.person === null || m.id === ctx.person);
}

// the census applies acts a million times without recording causes: one context serves
// all those calls, rather than one allocated per call
const untraced: ActCtx = {
  state: null as unknown as SimState,
  causes: null,
  source: { source: 'choice', ref: '', origin: 0 },
  person: null,
};

function note(ctx: ActCtx, metric: string, before: number, after: number, why: string): void {
  if (ctx.causes === null) return;
  const delta = q(after - before);
  if (delta === 0) return;
  ctx.causes.push({ ...ctx.source, metric, delta, note: why });
}

function moveMember(
  ctx: ActCtx,
  m: MemberState,
  key: 'morale' | 'effort' | 'skill',
  d: number,
  why: string,
): void {
  if (d === 0) return;
  // the cause's name is built only when causes are recorded: the census records none
  if (key === 'morale') {
    const before = m.morale;
    m.morale = clamp(before + d, 0.05, 1);
    if (ctx.causes !== null) note(ctx, `morale:${m.id}`, before, m.morale, why);
  } else if (key === 'effort') {
    const before = m.effort;
    m.effort = clamp(before + d, 0.2, 1.6);
    if (ctx.causes !== null) note(ctx, `effort:${m.id}`, before, m.effort, why);
  } else {
    const before = m.skill;
    m.skill = clamp(before + d, 0.1, 1.5);
    if (ctx.causes !== null) note(ctx, `skill:${m.id}`, before, m.skill, why);
  }
}

// each figure named in full: reading s[key] with a key that varies was a slow lookup
function moveScalar(
  ctx: ActCtx,
  key: 'trust' | 'autonomy' | 'outside',
  d: number,
  why: string,
): void {
  if (d === 0) return;
  const s = ctx.state;
  let before: number;
  let after: number;
  if (key === 'outside') {
    before = s.outside;
    after = before + d;
    s.outside = after;
  } else if (key === 'trust') {
    before = s.trust;
    after = clamp01(before + d);
    s.trust = after;
  } else {
    before = s.autonomy;
    after = clamp01(before + d);
    s.autonomy = after;
  }
  note(ctx, key, before, after, why);
}

function moveHome(ctx: ActCtx, d: number, why: string): void {
  if (d === 0) return;
  const before = ctx.state.home;
  ctx.state.home = clamp(before + d, -1, 1);
  note(ctx, 'home', before, ctx.state.home, why);
}

/**
 * Applies a reply's acts to `state` (already this quarter's copy) under time pressure
 * `pressure` (0..1), writing each change and its reason to `causes` when they are kept.
 * `amounts` are actAmounts(acts, pressure), which a prepared scenario holds for each reply.
 * `person` is the member the reply is aimed at (ChoiceDef.person), or null for the team.
 */
export function applyActs(
  state: SimState,
  acts: Acts,
  pressure: number,
  causes: Cause[] | null,
  source: CauseSource,
  amounts: ActAmounts = actAmounts(acts, pressure),
  person: string | null = null,
): void {
  let ctx: ActCtx;
  if (causes === null) {
    ctx = untraced;
    ctx.state = state;
    ctx.person = person;
  } else {
    ctx = { state, causes, source, person };
  }
  // read before any act changes the team: the situation the reply meets
  const trust = state.trust;
  const a = amounts;
  const cap =
    a.delegate > 0
      ? person === null
        ? capacity(state)
        : capacityOf(state, aimedAt(state, person))
      : 0;
  const skill = a.involve > 0 ? involvedSkill(state, person) : 0;
  if (a.tell > 0) applyTell(ctx, a);
  if (a.involve > 0) applyInvolve(ctx, a, skill);
  if (a.delegate > 0) applyDelegate(ctx, a, cap);
  if (a.push > 0) applyPush(ctx, a, trust);
  if (a.give > 0) applyGive(ctx, a, trust);
  // the shared context keeps no state between calls
  if (ctx === untraced) {
    untraced.state = null as unknown as SimState;
    untraced.person = null;
  }
}

function applyTell(ctx: ActCtx, a: ActAmounts): void {
  const state = ctx.state;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!reaches(ctx, m)) continue;
    moveMember(ctx, m, 'effort', a.tellEffort, 'a firm call: everyone knows what to do now');
    if (m.skill < READY_SKILL) {
      // a newer person follows the plan they were shown, and keeps following it
      m.angle = m.angle * a.tellKeep;
      const learn = a.tellLearn * (READY_SKILL - m.skill);
      moveMember(ctx, m, 'skill', learn, 'a newer person learns from clear direction');
      moveMember(ctx, m, 'morale', a.tellNewerMorale, 'a newer person welcomes clear direction');
    } else {
      const loss = a.tellVeteranMorale;
      moveMember(ctx, m, 'morale', loss, 'an experienced person told what to do loses commitment');
    }
  }
  moveScalar(ctx, 'autonomy', a.tellAutonomy, 'decisions taken away from the team');
  if (a.pressure > 0) {
    const firm = 'a fast, firm call stops the damage';
    moveScalar(ctx, 'outside', a.tellOutside, firm);
    moveScalar(ctx, 'trust', a.tellTrust, 'the customer sees someone take charge');
  }
  // one person told what to do follows it; the rest of the team's ropes are not forced
  if (ctx.person !== null) return;
  const forced = a.tellForced;
  if (forced <= state.forced) return;
  const before = ctx.causes ? teamResultant(state).alignment : 0;
  state.forced = forced;
  state.rebound = a.tellRebound;
  if (ctx.causes) {
    const after = teamResultant(state).alignment;
    note(
      ctx,
      'alignment',
      before,
      after,
      'everyone pulls one way because they were told to, for now',
    );
  }
}

function applyInvolve(ctx: ActCtx, a: ActAmounts, skill: number): void {
  const state = ctx.state;
  const before = ctx.causes ? teamResultant(state).alignment : 0;
  // a competent team agrees a plan that holds; a green one agrees a weaker one
  const close = Math.min(1, a.involveConverge * (0.4 + 0.6 * skill));
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!reaches(ctx, m)) continue;
    m.angle = m.angle * (1 - close);
    if (m.skill >= READY_SKILL) {
      moveMember(ctx, m, 'morale', a.involveVeteranMorale, 'an experienced person is heard');
    } else {
      const why = 'a newer person is asked, but would rather be shown';
      moveMember(ctx, m, 'morale', a.involveNewerMorale, why);
    }
    moveMember(ctx, m, 'effort', a.involveEffort, 'time spent agreeing the plan');
  }
  if (ctx.causes) {
    const after = teamResultant(state).alignment;
    note(ctx, 'alignment', before, after, 'a plan the team agreed keeps its ropes together');
  }
  moveScalar(ctx, 'autonomy', a.involveAutonomy, 'the team shares the decision');
  // a quarter of internal meetings is a quarter less in front of the customer
  moveScalar(ctx, 'outside', a.involveOutside, 'time spent inside, not with the customer');
  if (a.pressure > 0) {
    const wait = 'the customer waits while the team confers';
    moveScalar(ctx, 'outside', a.involveDelayOutside, wait);
    moveScalar(ctx, 'trust', a.involveDelayTrust, wait);
  }
}

function applyDelegate(ctx: ActCtx, a: ActAmounts, cap: number): void {
  const margin = cap - CAPACITY_BAR;
  const good = margin >= 0;
  const reach = a.delegate * margin * a.delegateReach;
  moveScalar(ctx, 'outside', DELEGATE_REACH * reach, handOverWhy(ctx, good));
  moveHome(
    ctx,
    0.3 * reach,
    good
      ? 'the customer gets used to being served well, close by'
      : 'the customer remembers being let down',
  );
  moveScalar(
    ctx,
    'trust',
    a.delegateTrust * margin,
    good ? 'the customer sees capable people' : 'the customer sees people out of their depth',
  );
  moveScalar(ctx, 'autonomy', a.delegateAutonomy, 'the team is trusted to act');
  const members = ctx.state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!reaches(ctx, m)) continue;
    if (m.skill >= READY_SKILL) {
      const why = 'an experienced person trusted with the account';
      moveMember(ctx, m, 'morale', a.delegateVeteranMorale, why);
    } else {
      moveMember(ctx, m, 'morale', a.delegateNewerMorale, 'a newer person left alone with it');
      moveMember(ctx, m, 'skill', a.delegateLearn * (READY_SKILL - m.skill), 'learning by doing');
    }
  }
}

function applyPush(ctx: ActCtx, a: ActAmounts, trust: number): void {
  const lean = trust - PUSH_TRUST_BAR;
  const why =
    lean >= 0
      ? 'a customer that trusts us answers a push'
      : 'a push on a customer that does not trust us backfires';
  moveScalar(ctx, 'outside', a.pushReach * lean, why);
  moveHome(ctx, a.pushHold * lean, why);
  if (lean < 0) moveScalar(ctx, 'trust', a.pushDistrust * lean, 'pressure confirms the distrust');
  // asking spends goodwill even where it is granted
  else moveScalar(ctx, 'trust', a.pushGoodwill, 'every request spends a little goodwill');
  const competitors = ctx.state.competitors;
  for (let i = 0; i < competitors.length; i++) {
    const c = competitors[i]!;
    const before = c.strength;
    c.strength = clamp(before + a.pushRival, 0.05, 10);
    if (ctx.causes !== null) {
      note(ctx, `competitor:${c.id}`, before, c.strength, 'a rival answers the push');
    }
  }
}

function applyGive(ctx: ActCtx, a: ActAmounts, trust: number): void {
  const gain = a.giveTrust * (1 - trust);
  moveScalar(ctx, 'trust', gain, 'giving before asking builds trust');
  moveScalar(ctx, 'outside', a.giveOutside, 'time and goods given, not sold');
}

/** Why a hand-over moved the customer, naming the person when it went to one. */
function handOverWhy(ctx: ActCtx, good: boolean): string {
  if (ctx.causes === null) return '';
  if (ctx.person === null) {
    return good
      ? 'the people closest to the customer act well on their own'
      : 'the team was not ready to carry this alone';
  }
  const name = ctx.state.members.find((m) => m.id === ctx.person)?.name ?? ctx.person;
  return good
    ? `${name} was ready to carry it and acted well on their own`
    : `${name} was not ready to carry this alone`;
}
