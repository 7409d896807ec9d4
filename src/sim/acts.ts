import type { CauseSource } from './effects.ts';
import { clamp, clamp01, q } from './fixed.ts';
import {
  CAPACITY_BAR,
  DELEGATE_REACH,
  GIVE_TRUST,
  INVOLVE_CONVERGE,
  INVOLVE_COST,
  INVOLVE_DELAY,
  PUSH_HOLD,
  PUSH_REACH,
  PUSH_RIVAL,
  PUSH_TRUST_BAR,
  READY_SKILL,
  TELL_FIRM,
  TELL_FORCED,
  TELL_GUIDE,
  TELL_REBOUND,
} from './params.ts';
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

/** Readiness of the people on the team: mean competence × commitment. */
function readiness(state: SimState): number {
  let sum = 0;
  let n = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    sum += Math.min(1, m.skill) * m.morale;
    n++;
  }
  return n === 0 ? 0 : sum / n;
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
  const company = state.companyContacts.length;
  let personal = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    for (const c of m.contacts) if (!state.companyContacts.includes(c)) personal++;
  }
  return company + personal === 0 ? 0 : company / (company + personal);
}

/**
 * What the team can carry without the manager, 0..1: ready people, the freedom to act,
 * and contacts the company shares (so no one person is a bottleneck).
 */
export function capacity(state: SimState): number {
  return q(readiness(state) * (0.5 + 0.5 * state.autonomy) * (0.7 + 0.6 * sharedContacts(state)));
}

interface ActCtx {
  state: SimState;
  causes: Cause[] | null;
  source: CauseSource;
}

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
  if (key === 'morale') {
    const before = m.morale;
    m.morale = q(clamp(before + d, 0.05, 1));
    note(ctx, `morale:${m.id}`, before, m.morale, why);
  } else if (key === 'effort') {
    const before = m.effort;
    m.effort = q(clamp(before + d, 0.2, 1.6));
    note(ctx, `effort:${m.id}`, before, m.effort, why);
  } else {
    const before = m.skill;
    m.skill = q(clamp(before + d, 0.1, 1.5));
    note(ctx, `skill:${m.id}`, before, m.skill, why);
  }
}

function moveScalar(
  ctx: ActCtx,
  key: 'trust' | 'autonomy' | 'outside',
  d: number,
  why: string,
): void {
  if (d === 0) return;
  const s = ctx.state;
  const before = s[key];
  const after = key === 'outside' ? q(before + d) : q(clamp01(before + d));
  s[key] = after;
  note(ctx, key, before, after, why);
}

function moveHome(ctx: ActCtx, d: number, why: string): void {
  if (d === 0) return;
  const before = ctx.state.home;
  ctx.state.home = q(clamp(before + d, -1, 1));
  note(ctx, 'home', before, ctx.state.home, why);
}

/**
 * Applies a reply's acts to `state` (already this quarter's copy) under time pressure
 * `pressure` (0..1), writing each change and its reason to `causes` when they are kept.
 */
export function applyActs(
  state: SimState,
  acts: Acts,
  pressure: number,
  causes: Cause[] | null,
  source: CauseSource,
): void {
  const ctx: ActCtx = { state, causes, source };
  // read before any act changes the team: the situation the reply meets
  const trust = state.trust;
  const tell = acts.tell ?? 0;
  const involve = acts.involve ?? 0;
  const delegate = acts.delegate ?? 0;
  const push = acts.push ?? 0;
  const give = acts.give ?? 0;
  const cap = delegate > 0 ? capacity(state) : 0;
  const skill = involve > 0 ? meanSkill(state) : 0;
  if (tell > 0) applyTell(ctx, tell, pressure);
  if (involve > 0) applyInvolve(ctx, involve, pressure, skill);
  if (delegate > 0) applyDelegate(ctx, delegate, pressure, cap);
  if (push > 0) applyPush(ctx, push, trust);
  if (give > 0) applyGive(ctx, give, trust);
}

function applyTell(ctx: ActCtx, tell: number, pressure: number): void {
  const state = ctx.state;
  for (const m of state.members) {
    if (!m.present) continue;
    moveMember(ctx, m, 'effort', q(0.15 * tell), 'a firm call: everyone knows what to do now');
    if (m.skill < READY_SKILL) {
      // a newer person follows the plan they were shown, and keeps following it
      m.angle = q(m.angle * (1 - TELL_GUIDE * tell));
      const learn = q(0.3 * tell * (READY_SKILL - m.skill));
      moveMember(ctx, m, 'skill', learn, 'a newer person learns from clear direction');
      moveMember(ctx, m, 'morale', q(0.03 * tell), 'a newer person welcomes clear direction');
    } else {
      const loss = q(-0.1 * tell);
      moveMember(ctx, m, 'morale', loss, 'an experienced person told what to do loses commitment');
    }
  }
  moveScalar(ctx, 'autonomy', q(-0.1 * tell), 'decisions taken away from the team');
  if (pressure > 0) {
    const firm = 'a fast, firm call stops the damage';
    moveScalar(ctx, 'outside', q(TELL_FIRM * tell * pressure), firm);
    moveScalar(ctx, 'trust', q(0.04 * tell * pressure), 'the customer sees someone take charge');
  }
  const forced = q(TELL_FORCED * tell);
  if (forced <= state.forced) return;
  const before = ctx.causes ? teamResultant(state).alignment : 0;
  state.forced = forced;
  state.rebound = q(TELL_REBOUND * tell);
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

function applyInvolve(ctx: ActCtx, involve: number, pressure: number, skill: number): void {
  const state = ctx.state;
  const before = ctx.causes ? teamResultant(state).alignment : 0;
  // a competent team agrees a plan that holds; a green one agrees a weaker one
  const close = Math.min(1, INVOLVE_CONVERGE * involve * (0.4 + 0.6 * skill));
  for (const m of state.members) {
    if (!m.present) continue;
    m.angle = q(m.angle * (1 - close));
    if (m.skill >= READY_SKILL) {
      moveMember(ctx, m, 'morale', q(0.06 * involve), 'an experienced person is heard');
    } else {
      const why = 'a newer person is asked, but would rather be shown';
      moveMember(ctx, m, 'morale', q(0.01 * involve), why);
    }
    moveMember(ctx, m, 'effort', q(-0.12 * involve), 'time spent agreeing the plan');
  }
  if (ctx.causes) {
    const after = teamResultant(state).alignment;
    note(ctx, 'alignment', before, after, 'a plan the team agreed keeps its ropes together');
  }
  moveScalar(ctx, 'autonomy', q(0.06 * involve), 'the team shares the decision');
  // a quarter of internal meetings is a quarter less in front of the customer
  moveScalar(
    ctx,
    'outside',
    q(-INVOLVE_COST * involve),
    'time spent inside, not with the customer',
  );
  if (pressure > 0) {
    const wait = 'the customer waits while the team confers';
    moveScalar(ctx, 'outside', q(-INVOLVE_DELAY * involve * pressure), wait);
    moveScalar(ctx, 'trust', q(-0.03 * involve * pressure), wait);
  }
}

function applyDelegate(ctx: ActCtx, delegate: number, pressure: number, cap: number): void {
  const margin = cap - CAPACITY_BAR;
  const good = margin >= 0;
  const reach = delegate * margin * (0.5 + pressure);
  moveScalar(
    ctx,
    'outside',
    q(DELEGATE_REACH * reach),
    good
      ? 'the people closest to the customer act well on their own'
      : 'the team was not ready to carry this alone',
  );
  moveHome(
    ctx,
    q(0.3 * reach),
    good
      ? 'the customer gets used to being served well, close by'
      : 'the customer remembers being let down',
  );
  moveScalar(
    ctx,
    'trust',
    q(0.2 * delegate * margin),
    good ? 'the customer sees capable people' : 'the customer sees people out of their depth',
  );
  moveScalar(ctx, 'autonomy', q(0.08 * delegate), 'the team is trusted to act');
  for (const m of ctx.state.members) {
    if (!m.present) continue;
    if (m.skill >= READY_SKILL) {
      moveMember(
        ctx,
        m,
        'morale',
        q(0.05 * delegate),
        'an experienced person trusted with the account',
      );
    } else {
      moveMember(ctx, m, 'morale', q(-0.05 * delegate), 'a newer person left alone with it');
      moveMember(ctx, m, 'skill', q(0.1 * delegate * (READY_SKILL - m.skill)), 'learning by doing');
    }
  }
}

function applyPush(ctx: ActCtx, push: number, trust: number): void {
  const lean = trust - PUSH_TRUST_BAR;
  const why =
    lean >= 0
      ? 'a customer that trusts us answers a push'
      : 'a push on a customer that does not trust us backfires';
  moveScalar(ctx, 'outside', q(PUSH_REACH * push * lean), why);
  moveHome(ctx, q(PUSH_HOLD * push * lean), why);
  if (lean < 0) moveScalar(ctx, 'trust', q(0.15 * push * lean), 'pressure confirms the distrust');
  // asking spends goodwill even where it is granted
  else moveScalar(ctx, 'trust', q(-0.03 * push), 'every request spends a little goodwill');
  for (const c of ctx.state.competitors) {
    const before = c.strength;
    c.strength = q(clamp(before + PUSH_RIVAL * push, 0.05, 10));
    note(ctx, `competitor:${c.id}`, before, c.strength, 'a rival answers the push');
  }
}

function applyGive(ctx: ActCtx, give: number, trust: number): void {
  const gain = q(GIVE_TRUST * give * (1 - trust));
  moveScalar(ctx, 'trust', gain, 'giving before asking builds trust');
  moveScalar(ctx, 'outside', q(-0.05 * give), 'time and goods given, not sold');
}
