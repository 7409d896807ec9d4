import { applyActs } from './acts.ts';
import { openTrail, type Trail } from './attribution.ts';
import { conditionsMet } from './conditions.ts';
import { contactMask } from './contacts.ts';
import { applyEffects, applyEntries, type CauseSource } from './effects.ts';
import { clamp, clamp01, q, turnDeg, turned } from './fixed.ts';
import { appended, joined } from './lists.ts';
import { marketStart, marketVariant } from './market.ts';
import { modelOfScenario } from './model-version.ts';
import { priceDraw, profitOf, revenueOf, startingCostToServe } from './money.ts';
import {
  CONFUSION,
  CONFUSION_FROM,
  CONFUSION_MAX,
  MORALE_DRIFT,
  NEWER_REBOUND,
  READY_SKILL,
} from './params.ts';
import { hasDue, notDue, scheduledBy } from './pending.ts';
import {
  departmentBits,
  type PreparedChoice,
  type PreparedEvent,
  type PreparedScenario,
  type PreparedSituation,
  prepared,
  preparedSituation,
  SimError,
  sharedId,
} from './prepared.ts';
import { draw, type RngState, seedRng } from './rng.ts';
import {
  breadth,
  forces,
  memberPull,
  rivalReach,
  teamResultant,
  teamResultantNow,
} from './ropes.ts';
import { shareOf } from './share.ts';
import type { Cause, MemberState, Metrics, QuarterReport, SimState } from './state.ts';
import type { EffectKey, ScenarioDef } from './types.ts';

// step(state, choice) is a pure function: it copies the state, applies the choice, the
// style's built-in dynamics, effects that fall due, seeded events and the rope physics,
// and returns the new state with a report of what moved and why.

type MemberFigures = Pick<
  MemberState,
  'id' | 'name' | 'kind' | 'skill' | 'effort' | 'morale' | 'angle'
>;

/** A member's state, always built by this one literal, so every member has one hidden class. */
function memberState(m: MemberFigures, contacts: number, present: boolean): MemberState {
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
    market: s.market,
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
    price: s.price,
    costToServe: s.costToServe,
    leech: s.leech,
    plan: s.plan,
    outside: s.outside,
    pending: s.pending,
    firedEvents: s.firedEvents,
    start: s.start,
    history: s.history,
    choices: s.choices,
  };
}

/**
 * `s` copied over `into`, a state of the same game (scenario, seed and start) one quarter
 * further on, whose member and competitor objects are reused: the census's way of copying
 * without allocating. The history and choice lists stay into's own, for stepInto to fill.
 * The effects replace the lists they change (pending effects, fired events) rather than
 * changing them in place, so sharing s's lists is safe; contacts are numbers.
 */
function copyInto(into: SimState, s: SimState): SimState {
  for (let i = 0; i < s.members.length; i++) {
    const from = s.members[i]!;
    const m = into.members[i]!;
    m.skill = from.skill;
    m.effort = from.effort;
    m.morale = from.morale;
    m.angle = from.angle;
    m.contacts = from.contacts;
    m.present = from.present;
  }
  for (let i = 0; i < s.competitors.length; i++) {
    const from = s.competitors[i]!;
    const c = into.competitors[i]!;
    c.strength = from.strength;
    c.alignment = from.alignment;
  }
  into.quarter = s.quarter;
  into.situationId = s.situationId;
  into.rng = s.rng;
  into.trust = s.trust;
  into.position = s.position;
  into.home = s.home;
  into.companyContacts = s.companyContacts;
  into.brand = s.brand;
  into.autonomy = s.autonomy;
  into.forced = s.forced;
  into.rebound = s.rebound;
  into.marketSize = s.marketSize;
  into.price = s.price;
  into.costToServe = s.costToServe;
  into.leech = s.leech;
  into.plan = s.plan;
  into.outside = s.outside;
  into.pending = s.pending;
  into.firedEvents = s.firedEvents;
  return into;
}

function measure(
  scenario: ScenarioDef,
  state: SimState,
  previous: Metrics | null,
  yearAgo: Metrics | null,
  alignment: number,
  breadthNow: number,
  out: Metrics | null = null,
  withOutlook = true,
): Metrics {
  const share = shareOf(state.position);
  const revenue = revenueOf(scenario.customer, state, share);
  const profit = profitOf(scenario.customer, state, share);
  let team = 0;
  let moraleSum = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    team++;
    moraleSum += m.morale;
  }
  const growthBase = yearAgo ?? previous;
  const growthQoQ = previous && previous.revenue > 0 ? revenue / previous.revenue - 1 : 0;
  const growthYoY = growthBase && growthBase.revenue > 0 ? revenue / growthBase.revenue - 1 : 0;
  const attainment = state.plan > 0 ? revenue / state.plan : 0;
  const morale = team === 0 ? 0 : moraleSum / team;
  // commission shared over every seat the team started with (model 4): a person who leaves
  // takes their pull with them and leaves the rest no windfall. Model 3 shared it among
  // those still there, so a departure raised everyone's earnings; its results keep that.
  const seats = modelOfScenario(scenario) < 4 ? team : state.members.length;
  const earnings = seats === 0 ? 0 : (revenue * scenario.params.commission) / seats;
  // NaN where nobody reads it, so that a reader it was skipped for would see at once
  const outlook = withOutlook ? outlookShare(scenario, state, breadthNow) : Number.NaN;
  if (out === null) {
    return {
      share,
      revenue,
      growthQoQ,
      growthYoY,
      plan: state.plan,
      attainment,
      morale,
      earnings,
      brand: state.brand,
      trust: state.trust,
      alignment,
      breadth: breadthNow,
      autonomy: state.autonomy,
      position: state.position,
      home: state.home,
      outlook,
      profit,
    };
  }
  out.share = share;
  out.revenue = revenue;
  out.growthQoQ = growthQoQ;
  out.growthYoY = growthYoY;
  out.plan = state.plan;
  out.attainment = attainment;
  out.morale = morale;
  out.earnings = earnings;
  out.brand = state.brand;
  out.trust = state.trust;
  out.alignment = alignment;
  out.breadth = breadthNow;
  out.autonomy = state.autonomy;
  out.position = state.position;
  out.home = state.home;
  out.outlook = outlook;
  out.profit = profit;
  return out;
}

/**
 * The market pushes the customer from outside this quarter: the force, its cause and its
 * mark on the trail, so that the "why" gives the push's share change to it by name.
 */
function pushOutside(
  state: SimState,
  causes: Cause[] | null,
  trail: Trail | null,
  quarter: number,
  ref: 'price' | 'noise',
  delta: number,
  note?: string,
): void {
  state.outside = state.outside + delta;
  // untraced (the census), nothing is allocated
  if (causes === null) return;
  // the cause's keys in the order they always had: the traced states are pinned to the bit
  const cause: Cause = { metric: 'outside', delta, source: 'market', ref, origin: quarter };
  if (note !== undefined) cause.note = note;
  causes.push(cause);
  trail?.mark({ source: 'market', ref, origin: quarter });
}

/** Quarters ahead that the outlook looks: next year. */
const OUTLOOK_QUARTERS = 4;

// The share of the gap a customer closes in a year at one rate: a power, which cost a
// twentieth of the census's time, worked out once per rate (a scenario has two, up and
// down) with the very expression it replaces, so the result is the same to the bit.
const movedRates = [Number.NaN, Number.NaN];
const movedYears = [0, 0];
function yearMoved(rate: number): number {
  if (rate === movedRates[0]) return movedYears[0]!;
  if (rate === movedRates[1]) return movedYears[1]!;
  // the older of the two makes way
  movedRates[1] = movedRates[0]!;
  movedYears[1] = movedYears[0]!;
  movedRates[0] = rate;
  movedYears[0] = q(1 - (1 - rate) ** OUTLOOK_QUARTERS);
  return movedYears[0];
}

/**
 * The parts of an effect still waiting at the end that next year's outlook counts; anything
 * else due after the last quarter never applies (the scenario checker says so).
 */
export const OUTLOOK_READS: readonly EffectKey[] = ['outside', 'trust'];

/** See Metrics.outlook. Allocates nothing: the census measures every quarter of a million games. */
function outlookShare(scenario: ScenarioDef, state: SimState, breadthNow: number): number {
  const p = scenario.params;
  // the team once forced alignment has relaxed and the fan has sprung open
  const opened = state.forced * state.rebound;
  let sx = 0;
  let sy = 0;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const pull = memberPull(m);
    if (pull === 0) continue;
    const side = m.angle !== 0 ? Math.sign(m.angle) : i % 2 === 0 ? 1 : -1;
    turnDeg(clamp(m.angle + side * opened, -90, 90));
    sx += pull * turned[0]!;
    sy += pull * turned[1]!;
  }
  // a price away from list keeps drawing (or pushing) the customer next year too
  let outside = priceDraw(state);
  let trust = state.trust;
  const pending = state.pending;
  // the parts of a pending effect it reads: OUTLOOK_READS
  for (let i = 0; i < pending.length; i++) {
    const e = pending[i]!.effects;
    if (e.outside !== undefined) outside += e.outside;
    if (e.trust !== undefined) trust += e.trust;
  }
  trust = clamp01(trust);
  const friction = p.trustFloor + (1 - p.trustFloor) * trust;
  const us = Math.sqrt(sx * sx + sy * sy) * friction * (1 + p.breadthPull * breadthNow);
  let them = 0;
  for (const c of state.competitors) them += c.strength * c.alignment;
  them *= rivalReach(breadthNow);
  const habit = p.habit * (1 + p.breadthHabit * breadthNow);
  const target = clamp(
    (us - them + outside + habit * state.home) / (us + them + Math.abs(outside) + habit),
    -1,
    1,
  );
  const x = state.position;
  const moved = target > x ? yearMoved(p.rateUp) : yearMoved(p.rateDown);
  return (1 + x + moved * (target - x)) / 2;
}

export function initialState(scenario: ScenarioDef, seed: string): SimState {
  const market = marketVariant(scenario, seed);
  // the variant's starting values stand in for the scenario's; the step never reads these
  // again. Contacts named there become bit sets here (contacts.ts).
  const { team, competitors, customer: c } = marketStart(scenario, market);
  const bits = departmentBits(prepared(scenario));
  const state: SimState = {
    scenarioId: scenario.id,
    seed,
    market: market?.id ?? null,
    quarter: 0,
    situationId: scenario.situations[0]?.id ?? null,
    rng: seedRng(`${scenario.id}|${seed}`),
    // each id the shared copy of its text, as the prepared scenario's are, so that finding
    // a member compares addresses (sharedId)
    members: team.map((m) => {
      const member = memberState(m, contactMask(bits, m.contacts), true);
      member.id = sharedId(m.id);
      return member;
    }),
    competitors: competitors.map((x) => ({ ...x })),
    trust: c.trust,
    position: c.position,
    home: c.home,
    companyContacts: contactMask(bits, c.companyContacts),
    brand: 0.3,
    autonomy: 0.5,
    forced: 0,
    rebound: 0,
    marketSize: c.marketSize,
    price: 1,
    costToServe: startingCostToServe(c),
    leech: c.leech === undefined ? 0 : 1,
    plan: 0,
    outside: 0,
    pending: [],
    firedEvents: [],
    start: undefined as unknown as Metrics,
    history: [],
    choices: [],
  };
  state.plan = revenueOf(c, state, shareOf(c.position));
  state.brand = 0.5 * teamResultant(state).alignment * shareOf(c.position) + 0.2;
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
  event: PreparedEvent,
  state: SimState,
  metrics: Metrics,
  quarter: number,
): boolean {
  if (quarter < event.from || quarter > event.to) return false;
  if (event.once && hasFired(state.firedEvents, event.id)) return false;
  return conditionsMet(event.when, metrics);
}

/**
 * Whether `id` is among the events fired: includes() written as a loop, which the engine
 * compiles in place, where includes() stays a call of a generic search. Both ids are the
 * shared copies of their text (sharedId), so each comparison is one of addresses.
 */
function hasFired(fired: readonly string[], id: string): boolean {
  for (let i = 0; i < fired.length; i++) if (fired[i] === id) return true;
  return false;
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
  const next = state.forced * scenario.params.forcedDecay;
  const relaxed = next < 0.02 ? 0 : next;
  const opened = (state.forced - relaxed) * state.rebound;
  state.forced = relaxed;
  const members = state.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!m.present) continue;
    const side = m.angle !== 0 ? Math.sign(m.angle) : i % 2 === 0 ? 1 : -1;
    // the experienced spring back hardest: they never agreed with the call
    const k = m.skill >= READY_SKILL ? 1 : NEWER_REBOUND;
    m.angle = clamp(m.angle + side * opened * k, -90, 90);
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
const NO_EVENTS: readonly string[] = Object.freeze([]);
/** The source handed to effects whose causes nobody records: saves building one per step. */
const UNTRACED: CauseSource = Object.freeze({ source: 'choice', ref: '', origin: 0 });

export interface StepOptions {
  /** false skips recording causes, for callers that only want outcomes (checking a record) */
  trace?: boolean;
}

export function step(
  scenario: ScenarioDef,
  prev: SimState,
  choiceId: string,
  options: StepOptions = {},
): SimState {
  const prep = prepared(scenario);
  const { situation, choice } = decision(prep, prev, choiceId);
  const state = cloneState(prev);
  const causes: Cause[] | null = options.trace === false ? null : [];
  const market = marketOf(prep, prev, luckOf(scenario, prev));
  const report = play(prep, prev, state, situation, choice, causes, market, null, true);
  state.history = appended(prev.history, report);
  state.choices = appended(prev.choices, choice.id);
  return state;
}

/** The situation waiting in `prev` and its choice `choiceId`; SimError if either is missing. */
function decision(prep: PreparedScenario, prev: SimState, choiceId: string) {
  if (prev.situationId === null) throw new SimError('the game is over: no more decisions');
  const situation = preparedSituation(prep, prev.situationId);
  for (const choice of situation.choices) {
    if (choice.def.id === choiceId) return { situation, choice };
  }
  throw new SimError(`situation "${situation.def.id}" has no choice "${choiceId}"`);
}

/**
 * The luck of the market for the quarter after `state`: drawn first and always in the same
 * amount, so that every strategy played on one seed meets the same events and the same noise.
 * The census relies on this: one draw per quarter serves every strategy.
 */
export interface Luck {
  values: number[];
  next: RngState;
}

export function luckOf(scenario: ScenarioDef, state: SimState): Luck {
  return draw(state.rng, scenario.events.length + 2);
}

/**
 * What the market does in the quarter after `state`, whatever the reply: the events that
 * fire and the gust. Which events fire depends on the luck, last quarter's figures and the
 * events already fired, none of which the reply changes, so the census works this out once
 * for the replies that share a state (see stepInto).
 */
export interface Market {
  luck: Luck;
  /** the events that fire this quarter, in the scenario's order */
  fired: readonly PreparedEvent[];
  /** their ids */
  firedIds: string[];
  /** the game's fired events with this quarter's appended */
  firedEvents: string[];
  /** the seeded gust from outside, centred on zero */
  noise: number;
  /** whether any of the events makes people leave (see stillComingUp) */
  leaving: boolean;
}

/**
 * The last quarter's figures, or the start's before any quarter. Written without reading
 * history[-1]: a negative index is looked up as a property name, which makes the lookup
 * megamorphic, and slow, for every later call.
 */
function lastFigures(state: SimState): Metrics {
  const n = state.history.length;
  return n > 0 ? state.history[n - 1]!.metrics : state.start;
}

export function marketOf(prep: PreparedScenario, state: SimState, luck: Luck): Market {
  const values = luck.values;
  const quarter = state.quarter + 1;
  const lastMetrics = lastFigures(state);
  const events = prep.events;
  let fired: PreparedEvent[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    // the draw first: it is one comparison, and most quarters most events do not come up,
    // so their conditions (a search of the events fired) need not be asked
    if (values[i]! >= event.odds) continue;
    if (!eventApplies(event, state, lastMetrics, quarter)) continue;
    if (event.leaving.length > 0 && !someoneLeftToLose(state, event, fired)) continue;
    fired ??= [];
    fired.push(event);
  }
  const firedIds = fired === null ? (NO_EVENTS as string[]) : fired.map((e) => e.id);
  const u = values[events.length]! + values[events.length + 1]! - 1;
  return {
    luck,
    fired: fired ?? NO_FIRED,
    firedIds,
    firedEvents: fired === null ? state.firedEvents : joined(state.firedEvents, firedIds),
    noise: u * prep.scenario.params.noise * 2,
    leaving: fired?.some((e) => e.leaving.length > 0) ?? false,
  };
}

/**
 * `market` without the events the reply has made moot: an event that makes people leave
 * does not come up once the reply has taken every one of them, as marketOf rules for people
 * gone before the quarter (someone moved off the team this quarter cannot also resign in it).
 */
function afterReply(state: SimState, prev: SimState, market: Market): Market {
  const kept = market.fired.filter((e) => e.leaving.length === 0 || anyoneStays(state, e));
  if (kept.length === market.fired.length) return market;
  const firedIds = kept.map((e) => e.id);
  return {
    ...market,
    fired: kept,
    firedIds,
    firedEvents: kept.length === 0 ? prev.firedEvents : joined(prev.firedEvents, firedIds),
  };
}

/** Whether anyone `event` makes leave is still on the team. */
function anyoneStays(state: SimState, event: PreparedEvent): boolean {
  return event.leaving.some((id) => state.members.some((m) => m.id === id && m.present));
}

const NO_FIRED: readonly PreparedEvent[] = Object.freeze([]);

/**
 * Whether anyone `event` makes leave is still on the team and not already leaving through
 * an event fired earlier this quarter: a person who has gone cannot resign, or be hired
 * away, a second time.
 */
function someoneLeftToLose(
  state: SimState,
  event: PreparedEvent,
  firedBefore: readonly PreparedEvent[] | null,
): boolean {
  for (const id of event.leaving) {
    const m = state.members.find((x) => x.id === id);
    if (m === undefined || !m.present) continue;
    if (firedBefore?.some((e) => e.leaving.includes(id))) continue;
    return true;
  }
  return false;
}

/**
 * step() without the trace, for the census, which plays a million quarters: the state is
 * written over `into`, a state this function returned earlier for the same quarter of
 * another strategy, and its objects and lists are reused rather than allocated again. The
 * states of a depth-first walk are only read while their own branch is walked, so each
 * depth needs one. `into` null allocates. `situation` is the one waiting in prev, and
 * `market` is marketOf(prev), shared by the replies to prev's situation. Its reports'
 * outlook is NaN before the last quarter: only the final score reads it.
 */
export function stepInto(
  prep: PreparedScenario,
  prev: SimState,
  situation: PreparedSituation,
  choice: PreparedChoice,
  into: SimState | null,
  market: Market,
): SimState {
  const n = prev.history.length;
  if (into !== null && into.history.length !== n + 1) {
    throw new SimError(`stepInto: the state to write over is not one quarter after ${n}`);
  }
  const state = into === null ? cloneState(prev) : copyInto(into, prev);
  // into's report for this quarter belongs to a branch already walked: written over too
  const reuse = into === null ? null : into.history[n]!;
  // the walks that step this way read the final score and the events fired, nothing else,
  // and no event waits on the outlook (WatchedMetric): next year's outlook, a tenth of a
  // step, is measured at the end only
  const report = play(
    prep,
    prev,
    state,
    situation,
    choice,
    null,
    market,
    reuse,
    choice.nextId === null,
  );
  if (into === null) {
    state.history = appended(prev.history, report);
    state.choices = appended(prev.choices, choice.id);
  } else {
    // lists of this depth's length already: the prefix is the parent's, the last is new.
    // The reports before this quarter rarely need copying: each depth's report is one
    // object written over in place, so into's history already holds the parent's reports
    // when both came from the same walk.
    const history = state.history;
    if (n > 0 && history[n - 1] !== prev.history[n - 1]) {
      for (let i = 0; i < n; i++) history[i] = prev.history[i]!;
    }
    for (let i = 0; i < n; i++) state.choices[i] = prev.choices[i]!;
    state.choices[n] = choice.id;
  }
  return state;
}

/** A game's last quarter as the census's walks keep it: see lastQuarterInto. */
export interface GameEnd {
  /** the state after the last quarter; its history and choices are not this game's */
  state: SimState;
  /** the last quarter's report: its figures, outlook included, are this game's */
  report: QuarterReport;
}

/**
 * stepInto for a game's last quarter (`choice` ends the game), for the walks that read of
 * an end only its last quarter's figures and its state (the score, the events fired): the
 * state is written over `into`'s, and the report over `into`'s report, but the lists of
 * reports and choices are left as they were. 6,561 of a census's 9,840 steps are last
 * quarters, and what they left out (two lists of up to eight written at each) nobody reads:
 * a score takes its sums over the quarters from the walk (ScoreBasis). `into` null allocates.
 */
export function lastQuarterInto(
  prep: PreparedScenario,
  prev: SimState,
  situation: PreparedSituation,
  choice: PreparedChoice,
  into: GameEnd | null,
  market: Market,
): GameEnd {
  if (choice.nextId !== null) {
    throw new SimError(`lastQuarterInto: reply "${choice.def.id}" does not end the game`);
  }
  if (into === null) {
    const state = cloneState(prev);
    return { state, report: play(prep, prev, state, situation, choice, null, market, null, true) };
  }
  copyInto(into.state, prev);
  play(prep, prev, into.state, situation, choice, null, market, into.report, true);
  return into;
}

/**
 * One quarter: applies the choice, the style's built-in dynamics, effects that fall due,
 * seeded events and the rope physics to `state`, a private copy of `prev`, and returns the
 * quarter's report. The caller adds the report and the choice to the state's lists.
 */
function play(
  prep: PreparedScenario,
  prev: SimState,
  state: SimState,
  situation: PreparedSituation,
  prepChoice: PreparedChoice,
  causes: Cause[] | null,
  market: Market,
  reuse: QuarterReport | null,
  withOutlook: boolean,
): QuarterReport {
  const scenario = prep.scenario;
  const quarter = prev.quarter + 1;
  const depts = scenario.customer.departments;
  const p = scenario.params;
  state.outside = 0;
  state.rng = market.luck.next;
  const prevMetrics = lastFigures(prev);
  // what moved each figure, and by how much (attribution.ts): kept with the causes
  const trail: Trail | null = causes ? openTrail(scenario, state, quarter, prevMetrics) : null;

  relaxForced(scenario, state, causes, quarter);
  trail?.mark({ source: 'style', ref: 'directive-relax', origin: quarter });

  const choiceSource: CauseSource = causes
    ? { source: 'choice', ref: prepChoice.id, origin: quarter }
    : UNTRACED;
  applyEntries(state, depts, causes, choiceSource, prepChoice.effects, prepChoice.members);
  if (prepChoice.acts !== null) {
    const { acts, amounts } = prepChoice;
    applyActs(
      state,
      acts,
      situation.pressure,
      causes,
      choiceSource,
      amounts ?? undefined,
      prepChoice.person,
    );
  }
  trail?.mark(choiceSource);
  // the entries waiting, then those this reply schedules; the ones due now take effect in
  // the order they were scheduled. A list is only made when it changes.
  const scheduled = scheduledBy(prepChoice, quarter);
  const pending = state.pending;
  if (hasDue(pending, quarter)) {
    const waiting = notDue(pending, quarter);
    state.pending = scheduled.length > 0 ? joined(waiting, scheduled) : waiting;
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!;
      if (d.due !== quarter) continue;
      applyEffects(state, depts, causes, d.cause, d.effects, d.members);
      trail?.mark(d.cause);
    }
  } else if (scheduled.length > 0) {
    state.pending = joined(pending, scheduled);
  }

  // nearly always the market's own: a reply seldom takes someone an event was to take
  const came = market.leaving ? afterReply(state, prev, market) : market;
  const fired = came.fired;
  const firedIds = came.firedIds;
  for (let i = 0; i < fired.length; i++) {
    const event = fired[i]!;
    const source: CauseSource = causes
      ? { source: 'event', ref: event.id, origin: quarter }
      : UNTRACED;
    applyEntries(state, depts, causes, source, event.effects, event.members);
    trail?.mark(source);
  }
  state.firedEvents = came.firedEvents;

  // a price below list draws the customer each quarter it lasts; one above pushes it away
  const draw = priceDraw(state);
  if (draw !== 0) {
    const note =
      draw > 0 ? 'a price below list draws the customer' : 'a price above list drives it away';
    pushOutside(state, causes, trail, quarter, 'price', draw, note);
  }

  // outside influences: a seeded gust, centred on zero
  const noise = market.noise;
  if (noise !== 0) pushOutside(state, causes, trail, quarter, 'noise', noise);

  // a team whose ropes spread wide looks as fragmented and confusing as the competition:
  // the customer's trust leaks away for as long as the fan stays open (000, 004), which is
  // one reason what unity built is lost faster than it was built. Nothing below moves the
  // ropes before the quarter is measured, so this alignment is also the quarter's.
  const team = teamResultantNow(state);
  const alignment = team.alignment;
  const resultant = team.resultant;
  const spread = CONFUSION_FROM - alignment;
  if (spread > 0) {
    const before = state.trust;
    state.trust = clamp01(before - Math.min(CONFUSION_MAX, CONFUSION * spread));
    if (causes && state.trust !== before) {
      causes.push({
        metric: 'trust',
        delta: q(state.trust - before),
        source: 'market',
        ref: 'confusion',
        origin: quarter,
        note: 'a divided team confuses the customer',
      });
      trail?.mark({ source: 'market', ref: 'confusion', origin: quarter });
    }
  }

  // contacts do not change after the effects above, so breadth is measured once here, and
  // only when an effect replaced a contact list: most quarters' breadth is the last one's
  const b = sameContacts(prev, state) ? prevMetrics.breadth : breadth(state, depts.length);
  const f = forces(state, p, depts.length, resultant, b, reuse?.forces ?? null);
  const gap = f.target - state.position;
  const rate = gap > 0 ? p.rateUp : p.rateDown;
  state.position = clamp(state.position + rate * gap, -1, 1);
  state.home = clamp(state.home + p.loyalty * (1 + 2 * b) * (state.position - state.home), -1, 1);
  trail?.moved(rate);

  state.marketSize = state.marketSize * (1 + p.marketGrowth);
  state.plan = state.plan * (1 + p.planGrowth);
  trail?.drift('growth');

  const share = shareOf(state.position);
  const attainment = state.plan > 0 ? (share * state.marketSize) / state.plan : 1;
  // a winning team's spirits rise, and people who choose how they sell keep theirs up
  for (const m of state.members) {
    if (!m.present) continue;
    const toward = 0.35 + 0.65 * state.autonomy;
    const drift = MORALE_DRIFT * (toward - m.morale) + p.moraleFromPlan * (attainment - 1);
    m.morale = clamp(m.morale + drift, 0.05, 1);
    m.effort = m.effort + 0.3 * (1 - m.effort);
  }
  trail?.drift('spirits');
  const brandTarget = alignment * share;
  const brandRate = brandTarget > state.brand ? p.brandUp : p.brandDown;
  state.brand = clamp01(state.brand + brandRate * (brandTarget - state.brand));
  trail?.drift('brand');

  const history = prev.history;
  const yearAgo = quarter > 4 ? (history[quarter - 5]?.metrics ?? null) : prev.start;
  const metrics = measure(
    scenario,
    state,
    prevMetrics,
    yearAgo,
    alignment,
    b,
    reuse?.metrics ?? null,
    withOutlook,
  );
  state.quarter = quarter;
  state.situationId = prepChoice.nextId;
  if (reuse === null) {
    const report: QuarterReport = {
      quarter,
      situationId: situation.id,
      choiceId: prepChoice.id,
      style: prepChoice.style,
      events: firedIds,
      causes: causes ?? (NO_CAUSES as Cause[]),
      forces: f,
      metrics,
    };
    if (trail) report.why = trail.finish(metrics);
    return report;
  }
  // the census's own report for this quarter (untraced: its causes stay empty); its forces
  // and metrics were written over above
  reuse.quarter = quarter;
  reuse.situationId = situation.id;
  reuse.choiceId = prepChoice.id;
  reuse.style = prepChoice.style;
  reuse.events = firedIds;
  return reuse;
}

/** Whether `state` holds the contacts `prev` held (bit sets, compared as numbers). */
function sameContacts(prev: SimState, state: SimState): boolean {
  if (state.companyContacts !== prev.companyContacts) return false;
  const before = prev.members;
  const after = state.members;
  for (let i = 0; i < after.length; i++) {
    const m = after[i]!;
    const was = before[i]!;
    if (m.contacts !== was.contacts || m.present !== was.present) return false;
  }
  return true;
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
