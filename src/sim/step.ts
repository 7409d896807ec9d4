import { applyEffects, type CauseSource } from './effects.ts';
import { clamp, clamp01, q } from './fixed.ts';
import {
  CONFUSION,
  CONFUSION_FROM,
  CONFUSION_MAX,
  CRISIS_STYLE_SHARE,
  NEUTRAL_STYLE,
} from './params.ts';
import { draw, seedRng } from './rng.ts';
import { breadth, forces, memberPull, teamResultant } from './ropes.ts';
import type {
  Cause,
  MemberState,
  Metrics,
  PendingEffect,
  QuarterReport,
  SimState,
} from './state.ts';
import type {
  ChoiceDef,
  EffectSet,
  EventDef,
  ScenarioDef,
  SituationDef,
  StyleParams,
} from './types.ts';

// step(state, choice) is a pure function: it copies the state, applies the choice, the
// style's built-in dynamics, effects that fall due, seeded events and the rope physics,
// and returns the new state with a report of what moved and why.

export class SimError extends Error {}

// situations are looked up at every step: index them once per scenario object
const situationIndex = new WeakMap<ScenarioDef, Map<string, SituationDef>>();
// and the situation that follows each one in file order, for nextSituationId
const followerIndex = new WeakMap<ScenarioDef, Map<SituationDef, string | null>>();

export function situationById(scenario: ScenarioDef, id: string): SituationDef {
  let index = situationIndex.get(scenario);
  if (!index) {
    index = new Map(scenario.situations.map((x) => [x.id, x]));
    situationIndex.set(scenario, index);
  }
  const s = index.get(id);
  if (!s) throw new SimError(`no situation "${id}" in scenario ${scenario.id}`);
  return s;
}

/** The situation after this one, when the choice does not say otherwise. */
export function nextSituationId(
  scenario: ScenarioDef,
  situation: SituationDef,
  choice: ChoiceDef,
): string | null {
  if (choice.next) return choice.next;
  if (situation.next) return situation.next;
  let followers = followerIndex.get(scenario);
  if (!followers) {
    const list = scenario.situations;
    followers = new Map(list.map((x, i) => [x, list[i + 1]?.id ?? null]));
    followerIndex.set(scenario, followers);
  }
  return followers.get(situation) ?? null;
}

type MemberFigures = Pick<
  MemberState,
  'id' | 'name' | 'kind' | 'skill' | 'effort' | 'morale' | 'angle'
>;

/** A member's state, always built by this one literal, so every member has one hidden class. */
function memberState(m: MemberFigures, contacts: string[], present: boolean): MemberState {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    skill: m.skill,
    effort: m.effort,
    morale: m.morale,
    angle: m.angle,
    contacts,
    present,
  };
}

// Written out field by field: copying the state with a spread was a fifth of the census's
// time, and a literal of one fixed shape keeps every state the same hidden class.
function cloneState(s: SimState): SimState {
  const members = new Array<MemberState>(s.members.length);
  for (let i = 0; i < members.length; i++) {
    const m = s.members[i]!;
    members[i] = memberState(m, m.contacts, m.present);
  }
  const competitors = new Array<SimState['competitors'][number]>(s.competitors.length);
  for (let i = 0; i < competitors.length; i++) {
    const c = s.competitors[i]!;
    competitors[i] = { id: c.id, name: c.name, strength: c.strength, alignment: c.alignment };
  }
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    quarter: s.quarter,
    situationId: s.situationId,
    rng: s.rng,
    members,
    competitors,
    trust: s.trust,
    position: s.position,
    home: s.home,
    companyContacts: s.companyContacts,
    brand: s.brand,
    autonomy: s.autonomy,
    forced: s.forced,
    rebound: s.rebound,
    marketSize: s.marketSize,
    plan: s.plan,
    outside: s.outside,
    pending: s.pending,
    firedEvents: s.firedEvents,
    start: s.start,
    history: s.history,
    choices: s.choices,
  };
}

function measure(
  scenario: ScenarioDef,
  state: SimState,
  previous: Metrics | null,
  yearAgo: Metrics | null,
  alignment: number,
  breadthNow: number,
): Metrics {
  const share = q((1 + state.position) / 2);
  const revenue = q(share * state.marketSize);
  let team = 0;
  let moraleSum = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    team++;
    moraleSum += m.morale;
  }
  const growthBase = yearAgo ?? previous;
  return {
    share,
    revenue,
    growthQoQ: previous && previous.revenue > 0 ? q(revenue / previous.revenue - 1) : 0,
    growthYoY: growthBase && growthBase.revenue > 0 ? q(revenue / growthBase.revenue - 1) : 0,
    plan: state.plan,
    attainment: state.plan > 0 ? q(revenue / state.plan) : 0,
    morale: team === 0 ? 0 : q(moraleSum / team),
    earnings: team === 0 ? 0 : q((revenue * scenario.params.commission) / team),
    brand: state.brand,
    trust: state.trust,
    alignment,
    breadth: breadthNow,
    autonomy: state.autonomy,
    position: state.position,
    home: state.home,
  };
}

export function initialState(scenario: ScenarioDef, seed: string): SimState {
  const c = scenario.customer;
  const state: SimState = {
    scenarioId: scenario.id,
    seed,
    quarter: 0,
    situationId: scenario.situations[0]?.id ?? null,
    rng: seedRng(`${scenario.id}|${seed}`),
    members: scenario.team.map((m) => memberState(m, [...(m.contacts ?? [])], true)),
    competitors: scenario.competitors.map((x) => ({ ...x })),
    trust: c.trust,
    position: c.position,
    home: c.home,
    companyContacts: [...(c.companyContacts ?? [])],
    brand: 0.3,
    autonomy: 0.5,
    forced: 0,
    rebound: 0,
    marketSize: c.marketSize,
    plan: 0,
    outside: 0,
    pending: [],
    firedEvents: [],
    start: undefined as unknown as Metrics,
    history: [],
    choices: [],
  };
  state.plan = q(((1 + c.position) / 2) * c.marketSize);
  state.brand = q(0.5 * teamResultant(state).alignment * ((1 + c.position) / 2) + 0.2);
  state.start = measure(
    scenario,
    state,
    null,
    null,
    teamResultant(state).alignment,
    breadth(state, c.departments.length),
  );
  return state;
}

function eventApplies(
  event: EventDef,
  state: SimState,
  metrics: Metrics,
  quarter: number,
): boolean {
  if (event.from !== undefined && quarter < event.from) return false;
  if (event.to !== undefined && quarter > event.to) return false;
  if ((event.once ?? true) && state.firedEvents.includes(event.id)) return false;
  const when = event.when;
  if (!when) return true;
  for (const key in when) {
    const cmp = when[key as keyof typeof when]!;
    const value = metrics[key as keyof Metrics];
    if (cmp.below !== undefined && !(value < cmp.below)) return false;
    if (cmp.above !== undefined && !(value > cmp.above)) return false;
  }
  return true;
}

// What a style does in an ordinary quarter and in a crisis, worked out once per style
// rather than at every step
const styleEffects = new WeakMap<StyleParams, { calm: EffectSet; crisis: EffectSet }>();

function styleEffectsOf(p: StyleParams, crisis: boolean): EffectSet {
  let sets = styleEffects.get(p);
  if (!sets) {
    const scaled = (k: number): EffectSet => ({
      effort: p.effort,
      morale: q(p.morale * k),
      autonomy: q(p.autonomy * k),
      trust: q(p.trust * k),
      alignment: q(p.converge * k),
    });
    sets = { calm: scaled(1), crisis: scaled(CRISIS_STYLE_SHARE) };
    styleEffects.set(p, sets);
  }
  return crisis ? sets.crisis : sets.calm;
}

function applyStyle(
  scenario: ScenarioDef,
  state: SimState,
  causes: Cause[] | null,
  style: string,
  quarter: number,
  crisis: boolean,
): void {
  const p = scenario.params.styles[style] ?? NEUTRAL_STYLE;
  // In a crisis the team expects a fast call and there is no time for a long consultation:
  // what a style slowly wears down or builds up (morale, autonomy, trust, convergence, the
  // fan's rebound) counts only in part, while its speed (effort, forced alignment) counts
  // in full. The crisis choice's own effects carry the rest of the story.
  const k = crisis ? CRISIS_STYLE_SHARE : 1;
  const source: CauseSource = !causes
    ? UNTRACED
    : crisis
      ? { source: 'style', ref: style, origin: quarter, note: 'in a crisis' }
      : { source: 'style', ref: style, origin: quarter };
  applyEffects(state, scenario.customer.departments, causes, source, styleEffectsOf(p, crisis));
  if (p.forced > state.forced) {
    const before = causes ? teamResultant(state).alignment : 0;
    state.forced = p.forced;
    state.rebound = q(p.rebound * k);
    if (!causes) return;
    const after = teamResultant(state).alignment;
    if (after !== before) causes.push({ metric: 'alignment', delta: q(after - before), ...source });
  }
}

/** Forced alignment relaxes, and the fan springs open wider than it was. */
function relaxForced(
  scenario: ScenarioDef,
  state: SimState,
  causes: Cause[] | null,
  quarter: number,
) {
  if (state.forced === 0) return;
  const before = causes ? teamResultant(state).alignment : 0;
  const next = q(state.forced * scenario.params.forcedDecay);
  const relaxed = next < 0.02 ? 0 : next;
  const opened = (state.forced - relaxed) * state.rebound;
  state.forced = relaxed;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!m.present) continue;
    const side = m.angle !== 0 ? Math.sign(m.angle) : i % 2 === 0 ? 1 : -1;
    m.angle = q(clamp(m.angle + side * opened, -90, 90));
  }
  if (!causes) return;
  const after = teamResultant(state).alignment;
  if (after !== before) {
    causes.push({
      metric: 'alignment',
      delta: q(after - before),
      source: 'style',
      ref: 'directive-relax',
      origin: quarter,
      note: 'forced alignment relaxing',
    });
  }
}

const NO_CAUSES: readonly Cause[] = Object.freeze([]);
const NO_LATER: NonNullable<ChoiceDef['later']> = [];
const NO_EVENTS: readonly string[] = Object.freeze([]);
/** The source handed to effects whose causes nobody records: saves building one per step. */
const UNTRACED: CauseSource = Object.freeze({ source: 'choice', ref: '', origin: 0 });

export interface StepOptions {
  /** false skips recording causes, for callers that only want outcomes (the census) */
  trace?: boolean;
}

export function step(
  scenario: ScenarioDef,
  prev: SimState,
  choiceId: string,
  options: StepOptions = {},
): SimState {
  if (prev.situationId === null) throw new SimError('the game is over: no more decisions');
  const situation = situationById(scenario, prev.situationId);
  let choice: ChoiceDef | undefined;
  for (const c of situation.choices) {
    if (c.id !== choiceId) continue;
    choice = c;
    break;
  }
  if (!choice) {
    throw new SimError(`situation "${situation.id}" has no choice "${choiceId}"`);
  }
  const state = cloneState(prev);
  const quarter = prev.quarter + 1;
  const depts = scenario.customer.departments;
  const causes: Cause[] | null = options.trace === false ? null : [];
  const p = scenario.params;
  state.outside = 0;

  // the luck of the market is drawn first and always in the same amount, so that every
  // strategy played on one seed meets the same events and the same noise
  const { values, next: rngNext } = draw(state.rng, scenario.events.length + 2);
  state.rng = rngNext;

  relaxForced(scenario, state, causes, quarter);

  const choiceSource: CauseSource = causes
    ? { source: 'choice', ref: choice.id, origin: quarter }
    : UNTRACED;
  applyEffects(state, depts, causes, choiceSource, choice.effects, choice.members);
  applyStyle(scenario, state, causes, choice.style, quarter, situation.kind === 'crisis');
  const scheduled = (choice.later ?? NO_LATER).map((l) => ({
    due: quarter + l.after,
    effects: l.effects,
    ...(l.members ? { members: l.members } : {}),
    cause: {
      source: 'later' as const,
      ref: choice.id,
      origin: quarter,
      ...(l.note ? { note: l.note } : {}),
    },
  }));

  if (state.pending.length > 0 || scheduled.length > 0) {
    const waiting: PendingEffect[] = [];
    const due: PendingEffect[] = [];
    for (const x of state.pending) (x.due === quarter ? due : waiting).push(x);
    state.pending = scheduled.length > 0 ? [...waiting, ...scheduled] : waiting;
    for (const d of due) applyEffects(state, depts, causes, d.cause, d.effects, d.members);
  }

  const prevMetrics = prev.history[prev.history.length - 1]?.metrics ?? prev.start;
  let fired: string[] | null = null;
  const events = scenario.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (!eventApplies(event, state, prevMetrics, quarter)) continue;
    if (values[i]! >= event.odds) continue;
    fired ??= [];
    fired.push(event.id);
    const source: CauseSource = causes
      ? { source: 'event', ref: event.id, origin: quarter }
      : UNTRACED;
    applyEffects(state, depts, causes, source, event.effects, event.members);
  }
  if (fired) state.firedEvents = [...state.firedEvents, ...fired];

  // outside influences: a seeded gust, centred on zero
  const u = values[scenario.events.length]! + values[scenario.events.length + 1]! - 1;
  const noise = q(u * p.noise * 2);
  if (noise !== 0) {
    state.outside = q(state.outside + noise);
    causes?.push({
      metric: 'outside',
      delta: noise,
      source: 'market',
      ref: 'noise',
      origin: quarter,
    });
  }

  // a team whose ropes spread wide looks as fragmented and confusing as the competition:
  // the customer's trust leaks away for as long as the fan stays open (000, 004), which is
  // one reason what unity built is lost faster than it was built. Nothing below moves the
  // ropes before the quarter is measured, so this alignment is also the quarter's.
  const team = teamResultant(state);
  const alignment = team.alignment;
  const spread = CONFUSION_FROM - alignment;
  if (spread > 0) {
    const before = state.trust;
    state.trust = q(clamp01(before - Math.min(CONFUSION_MAX, CONFUSION * spread)));
    if (causes && state.trust !== before) {
      causes.push({
        metric: 'trust',
        delta: q(state.trust - before),
        source: 'market',
        ref: 'confusion',
        origin: quarter,
        note: 'a divided team confuses the customer',
      });
    }
  }

  // contacts do not change after the effects above, so breadth is measured once here
  const b = breadth(state, depts.length);
  const f = forces(state, p, depts.length, team.resultant, b);
  const gap = f.target - state.position;
  const rate = gap > 0 ? p.rateUp : p.rateDown;
  state.position = q(clamp(state.position + rate * gap, -1, 1));
  state.home = q(
    clamp(state.home + p.loyalty * (1 + 2 * b) * (state.position - state.home), -1, 1),
  );

  state.marketSize = q(state.marketSize * (1 + p.marketGrowth));
  state.plan = q(state.plan * (1 + p.planGrowth));

  const share = (1 + state.position) / 2;
  const attainment = state.plan > 0 ? (share * state.marketSize) / state.plan : 1;
  // a winning team's spirits rise, and people who choose how they sell keep theirs up
  for (const m of state.members) {
    if (!m.present) continue;
    const toward = 0.35 + 0.65 * state.autonomy;
    const drift = 0.1 * (toward - m.morale) + p.moraleFromPlan * (attainment - 1);
    m.morale = q(clamp(m.morale + drift, 0.05, 1));
    m.effort = q(m.effort + 0.3 * (1 - m.effort));
  }
  const brandTarget = alignment * share;
  const brandRate = brandTarget > state.brand ? p.brandUp : p.brandDown;
  state.brand = q(clamp01(state.brand + brandRate * (brandTarget - state.brand)));

  const history = prev.history;
  const yearAgo = quarter > 4 ? (history[quarter - 5]?.metrics ?? null) : prev.start;
  const metrics = measure(scenario, state, prevMetrics, yearAgo, alignment, b);
  const report: QuarterReport = {
    quarter,
    situationId: situation.id,
    choiceId: choice.id,
    style: choice.style,
    events: fired ?? (NO_EVENTS as string[]),
    causes: causes ?? (NO_CAUSES as Cause[]),
    forces: f,
    metrics,
  };
  state.quarter = quarter;
  state.history = appended(history, report);
  state.choices = appended(prev.choices, choice.id);
  state.situationId = nextSituationId(scenario, situation, choice);
  return state;
}

/** A copy of a list with one more item, sized once: faster than a spread on the hot path. */
function appended<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = list[i]!;
  out[n] = item;
  return out;
}

/** Plays a list of choices from the start; throws SimError on a choice that does not fit. */
export function playChoices(
  scenario: ScenarioDef,
  seed: string,
  choices: readonly string[],
  options: StepOptions = {},
) {
  let state = initialState(scenario, seed);
  for (const c of choices) state = step(scenario, state, c, options);
  return state;
}

/** Team pull figures per member, for the view's labels and its text equivalent. */
export function memberPulls(state: SimState) {
  return state.members.filter((m) => m.present).map((m) => ({ id: m.id, pull: memberPull(m) }));
}
