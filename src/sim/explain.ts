import type { WhySource } from './attribution.ts';
import { balanceGap, cardSentence } from './balance-gap.ts';
import { eventsLetIn } from './event-reason.ts';
import { bestPath, continueLine } from './policies.ts';
import { situationById } from './prepared.ts';
import { score } from './score.ts';
import {
  apportion,
  POINTS,
  roundChange,
  type ShownScale,
  type ShownSplit,
  type SplitFigure,
  shownSplit,
  shownSteps,
  TENTHS,
} from './shown-split.ts';
import { situationShownIn } from './situation-text.ts';
import {
  type Cause,
  type Metrics,
  metricsBefore,
  type QuarterReport,
  type SimState,
  teamAverage,
} from './state.ts';
import { statesAlong } from './states-along.ts';
import { step } from './step.ts';
import { countStrategiesFrom } from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// The debrief's reasoning, as data and as plain sentences: what each decision did (from
// the causes the sim wrote down), how the market moved after it, what the best path did
// there, which decisions mattered most (by replaying the alternatives), and whether each
// call's style fitted its moment. Also the what-if: another option at one quarter, the
// rest of the market replayed on the same seed.

/**
 * Metrics the sentences talk about, in the order they are worth mentioning, named as the
 * screens name them (the glossary's words), never by the model's own names.
 */
const NAMED: Record<string, string> = {
  alignment: 'team alignment',
  trust: "the customer's trust",
  morale: 'team morale',
  effort: "the team's effort",
  breadth: 'contacts across the customer',
  // the glossary's and the play screen's word, explained where the debrief says it
  autonomy: "the team's autonomy",
  brand: 'brand strength',
  skill: "the team's skill",
};

export interface MetricEffect {
  metric: string;
  /** moved in the quarter of the decision */
  now: number;
  /** moved in later quarters, by delayed effects or a forced alignment relaxing */
  later: number;
  /** the quarters in which the later moves happened */
  laterQuarters: number[];
  /**
   * The same moves in the whole points the screens show. For a figure each quarter's
   * outcome splits by cause, the sum of the points the outcomes credited to this decision
   * (src/sim/shown-split.ts), so the debrief and the outcomes give one figure.
   */
  shown: { now: number; later: number };
}

export type Fit = 'good' | 'poor' | 'neutral';

export interface DecisionExplanation {
  quarter: number;
  situationId: string;
  situationTitle: string;
  kind: 'crisis' | 'build' | 'routine' | null;
  choiceId: string;
  label: string;
  style: string;
  coach: string | null;
  effects: MetricEffect[];
  /** change from just before the decision to the end of `untilQuarter`: its quarter and the next */
  moves: { share: number; alignment: number; trust: number };
  /** the same changes as the screens show them: share in tenths of a point, the others in points */
  shownMoves: { share: number; alignment: number; trust: number };
  untilQuarter: number;
  /**
   * Where events moved share by a material amount over the card's quarters: how much of
   * the change came from them, by name, and how much from the reply itself, in the tenths
   * each quarter's outcome credited them (src/sim/shown-split.ts). Null when no event did.
   */
  shareSplit: string | null;
  /**
   * Where that split counts the next quarter's ropes already pulling, and they moved share
   * much further than in the card's own quarter because the customer stood further from
   * where they settle it (src/sim/balance-gap.ts): why, in the outcome's figures. Null
   * otherwise.
   */
  balanceNote: string | null;
  /** the best path's choice at this point on the same seed; null if it faced another situation */
  best: { choiceId: string; label: string; style: string; same: boolean } | null;
  /**
   * Where the best path faced another situation in this quarter (its earlier calls led
   * elsewhere): that situation's title and the reply it chose there, as its card showed them.
   */
  bestElsewhere: { situationTitle: string; label: string; style: string } | null;
  /** where `fit` is good but another reply would have scored exactly as much: its label */
  tiedWith: string | null;
  /**
   * Judged in the player's own game, not by the reply's label: good when no other reply
   * here, with the player's other decisions kept, would have scored more; poor when one
   * would have scored at least POOR_BY points more; neutral in between or unfinished.
   */
  fit: Fit;
  fitNote: string | null;
  sentences: string[];
}

export interface Alternative {
  choiceId: string;
  label: string;
  style: string;
  score: number;
  /** the alternative's score minus the player's */
  change: number;
  choices: string[];
}

export interface TurningPoint {
  quarter: number;
  choiceId: string;
  /** the largest change of the final score any other option here makes */
  swing: number;
  alternatives: Alternative[];
  sentence: string;
}

export interface Explanation {
  score: number;
  decisions: DecisionExplanation[];
  /** decisions ordered by swing, largest first; every one where another option changes the score */
  turningPoints: TurningPoint[];
  styleFit: { good: number; poor: number; neutral: number; sentence: string };
}

export interface ExplainOptions {
  /** the best path's choices on this seed, if already known (e.g. from the census worker) */
  best?: readonly string[];
  /** how many turning points to keep, largest first (default: all) */
  turningPoints?: number;
}

/** points an alternative must add to the final score for the player's reply to count as poor */
const POOR_BY = 2;

/** A reply's fit, judged against the other replies with the player's other decisions kept. */
function fitIn(t: TurningPoint | undefined): {
  fit: Fit;
  fitNote: string | null;
  tiedWith: string | null;
} {
  if (!t || t.alternatives.length === 0) return { fit: 'neutral', fitNote: null, tiedWith: null };
  const top = [...t.alternatives].sort((a, b) => b.change - a.change)[0]!;
  if (top.change < 0) {
    return {
      fit: 'good',
      fitNote: 'In the game you built, no other reply here would have scored as much.',
      tiedWith: null,
    };
  }
  // a tie is not "the stronger": the card says the two would have ended level
  if (top.change === 0) {
    return {
      fit: 'good',
      fitNote: `In the game you built, no other reply here would have scored more; "${top.label}" would have ended at the same score.`,
      tiedWith: top.label,
    };
  }
  if (top.change >= POOR_BY) {
    return {
      fit: 'poor',
      fitNote: `In the game you built, "${top.label}" would have scored ${plural(top.change)} more here.`,
      tiedWith: null,
    };
  }
  return {
    fit: 'neutral',
    fitNote: `Close: "${top.label}" would have scored ${plural(top.change)} more here.`,
    tiedWith: null,
  };
}
const plural = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

/**
 * The quarter a cause belongs to. A forced alignment relaxing is written down in the
 * quarter it relaxes; it belongs to the last earlier call that told the team what to do.
 */
export function ownerOf(
  scenario: ScenarioDef,
  history: readonly QuarterReport[],
  c: Pick<Cause, 'ref' | 'origin'>,
): number {
  if (c.ref !== 'directive-relax') return c.origin;
  for (let q = c.origin - 1; q >= 1; q--) {
    const r = history[q - 1];
    if (!r) continue;
    const choice = situationById(scenario, r.situationId).choices.find((x) => x.id === r.choiceId);
    if ((choice?.acts?.tell ?? 0) > 0) return q;
  }
  return c.origin;
}

/** Figures each quarter's outcome splits by cause (shown-split.ts): the debrief reads them there. */
const SPLIT: readonly SplitFigure[] = [
  'trust',
  'alignment',
  'morale',
  'autonomy',
  'breadth',
  'brand',
];

/**
 * The team's skill in a quarter: its people's average, which the outcome shows beside
 * morale (readiness is skill and will together), and its change split by cause in whole
 * points, as shownSplit splits the other figures, so the debrief reads the same figure.
 */
export interface TeamSkill {
  /** the average skill of the people on the team, as the quarter opened and closed */
  before: number;
  after: number;
  split: ShownSplit;
}

function causeSource(c: Cause): WhySource {
  return {
    kind: 'cause',
    source: c.source,
    ref: c.ref,
    origin: c.origin,
    // a delayed effect is told by its note; a reply's own notes are one line
    ...(c.source === 'later' && c.note !== undefined ? { note: c.note } : {}),
  };
}

/**
 * The change of the team's average skill in `quarter` (1-based), split exactly: each
 * person who stayed moved the average by their own change over the team's size, and their
 * change is the causes that moved them by name, and the rest of it the causes that moved
 * the whole team (in proportion to what each did, where several did); a person who left
 * moved it by leaving their skill out, which is the departing event's part. `states` are
 * the game's states from the start (statesAlong), when the caller already has them.
 */
export function teamSkill(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  states?: readonly SimState[],
): TeamSkill | null {
  const report = state.history[quarter - 1];
  if (!report) return null;
  const along = states ?? statesAlong(scenario, state.seed, state.choices.slice(0, quarter));
  const from = along[quarter - 1];
  const to = along[quarter];
  if (!from || !to) return null;
  // the replay must be this game's: where it is not (a state built some other way), no
  // figure rather than another game's
  const replayed = to.history[quarter - 1]?.metrics;
  if (replayed?.share !== report.metrics.share || replayed.morale !== report.metrics.morale)
    return null;
  const before = teamAverage(from, 'skill');
  const after = teamAverage(to, 'skill');
  const stayed = to.members.filter((m) => m.present);
  const n = stayed.length;
  const lines = new Map<string, { by: WhySource; raw: number }>();
  const add = (by: WhySource, change: number) => {
    if (change === 0) return;
    const key = JSON.stringify(by);
    const line = lines.get(key) ?? { by, raw: 0 };
    line.raw += change * POINTS.scale;
    lines.set(key, line);
  };
  const whole = report.causes.filter((c) => c.metric === 'skill');
  const wholeSum = whole.reduce((t, c) => t + c.delta, 0);
  let composition = after - before;
  for (const m of stayed) {
    const was = from.members.find((x) => x.id === m.id)?.skill ?? m.skill;
    const own = report.causes.filter((c) => c.metric === `skill:${m.id}`);
    const change = m.skill - was;
    const ownSum = own.reduce((t, c) => t + c.delta, 0);
    if (wholeSum !== 0) {
      for (const c of own) add(causeSource(c), c.delta / n);
      const rest = change - ownSum;
      for (const c of whole) add(causeSource(c), (rest * c.delta) / wholeSum / n);
    } else if (ownSum !== 0) {
      // the causes are written down to a millionth: their parts are scaled to the change
      for (const c of own) add(causeSource(c), (change * c.delta) / ownSum / n);
    } else continue;
    composition -= change / n;
  }
  // what is left is the team's make-up: who left (or came) this quarter
  if (Math.abs(composition) > 1e-9) {
    const left = report.causes.find((c) => c.metric.startsWith('left:'));
    if (left) add(causeSource(left), composition);
  }
  const total = shownSteps(POINTS, after) - shownSteps(POINTS, before);
  const list = [...lines.values()];
  const { steps, unshown } = apportion(
    list.map((l) => l.raw),
    total,
  );
  return {
    before,
    after,
    split: { total, lines: list.map((l, i) => ({ ...l, steps: steps[i]! })), unshown },
  };
}

/** Figures whose shown lines the debrief reads: SPLIT's and the team's skill. */
const SHOWN_SPLIT: ReadonlySet<string> = new Set([...SPLIT, 'skill']);

/** What the outcomes credited to the decision of `quarter`, figure by figure, in points. */
function splitEffects(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  into: Map<string, MetricEffect>,
  states: readonly SimState[],
): void {
  const history = state.history;
  for (const report of history) {
    if (report.quarter < quarter) continue;
    for (const figure of [...SPLIT, 'skill' as const]) {
      const split =
        figure === 'skill'
          ? (teamSkill(scenario, state, report.quarter, states)?.split ?? null)
          : shownSplit(state, report.quarter, figure, POINTS);
      if (!split) continue;
      for (const line of split.lines) {
        const by = line.by;
        if (by.kind !== 'cause' || by.source === 'event' || by.source === 'market') continue;
        if (ownerOf(scenario, history, by) !== quarter) continue;
        const e = effectIn(into, figure);
        if (report.quarter === quarter) {
          e.now += line.raw / 100;
          e.shown.now += line.steps;
        } else {
          e.later += line.raw / 100;
          e.shown.later += line.steps;
          if (line.steps !== 0 && !e.laterQuarters.includes(report.quarter))
            e.laterQuarters.push(report.quarter);
        }
      }
    }
  }
}

function effectIn(into: Map<string, MetricEffect>, metric: string): MetricEffect {
  let e = into.get(metric);
  if (!e) {
    e = { metric, now: 0, later: 0, laterQuarters: [], shown: { now: 0, later: 0 } };
    into.set(metric, e);
  }
  return e;
}

/**
 * What a decision did, metric by metric: the figures the outcomes split by cause as they
 * credited it, everything else (autonomy, each person's effort, skill and spirits) from
 * the causes the sim wrote down.
 */
function effectsOf(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  states: readonly SimState[],
): MetricEffect[] {
  const history = state.history;
  const byMetric = new Map<string, MetricEffect>();
  splitEffects(scenario, state, quarter, byMetric, states);
  for (const report of history) {
    for (const c of report.causes) {
      if (c.source === 'event' || c.source === 'market') continue;
      if (SHOWN_SPLIT.has(c.metric)) continue;
      if (ownerOf(scenario, history, c) !== quarter) continue;
      const e = effectIn(byMetric, c.metric);
      if (report.quarter === quarter) e.now += c.delta;
      else {
        e.later += c.delta;
        if (!e.laterQuarters.includes(report.quarter)) e.laterQuarters.push(report.quarter);
      }
    }
  }
  return [...byMetric.values()].map((e) => {
    const now = Math.round(e.now * 1e6) / 1e6;
    const later = Math.round(e.later * 1e6) / 1e6;
    const split = SHOWN_SPLIT.has(e.metric);
    return {
      ...e,
      now,
      later,
      shown: split ? e.shown : { now: roundChange(now * 100), later: roundChange(later * 100) },
    };
  });
}

/** What one quarter's outcome credited to a cause over the card's quarters, in shown steps. */
interface Credited {
  steps: number;
  /** the quarters in which it moved the figure, with the steps of each */
  byQuarter: { quarter: number; steps: number }[];
}

/**
 * A figure's change over the quarters `quarter`..`until`, as the outcomes split it: what
 * each event moved (by its id), what the reply of `quarter` moved (its own line, its
 * delayed effects and its direction wearing off), and the change shown in all.
 */
export interface WindowSplit {
  total: number;
  reply: Credited;
  events: Map<string, Credited>;
}

function credit(c: Credited, quarter: number, steps: number): void {
  if (steps === 0) return;
  c.steps += steps;
  const q = c.byQuarter.find((x) => x.quarter === quarter);
  if (q) q.steps += steps;
  else c.byQuarter.push({ quarter, steps });
}

export function windowSplit(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  until: number,
  figure: SplitFigure,
  shown: ShownScale,
): WindowSplit {
  const out: WindowSplit = { total: 0, reply: { steps: 0, byQuarter: [] }, events: new Map() };
  for (let q = quarter; q <= until; q++) {
    const split = shownSplit(state, q, figure, shown);
    if (!split) continue;
    out.total += split.total;
    for (const line of split.lines) {
      const by = line.by;
      if (by.kind !== 'cause' || by.source === 'market') continue;
      if (by.source === 'event') {
        const e = out.events.get(by.ref) ?? { steps: 0, byQuarter: [] };
        credit(e, q, line.steps);
        out.events.set(by.ref, e);
      } else if (ownerOf(scenario, state.history, by) === quarter) credit(out.reply, q, line.steps);
    }
  }
  return out;
}

/** An event's part counts for a card when it moved share a point or more, or another figure 2. */
const MATERIAL = { share: 10, points: 2 };

/** "−8.4 in Q6", or "+3.3 in Q6 and −0.1 in Q7": signed, as the outcomes show them. */
function creditedText(c: Credited, digits: number): string {
  const each = c.byQuarter
    .filter((x) => x.steps !== 0)
    .map((x) => `${signedSteps(x.steps, digits)} in Q${x.quarter}`);
  return each.length ? each.join(' and ') : '±0';
}

function signedSteps(steps: number, digits: number): string {
  const v = (Math.abs(steps) / 10 ** digits).toFixed(digits);
  return `${steps > 0 ? '+' : steps < 0 ? '−' : '±'}${v}`;
}

function eventTitle(scenario: ScenarioDef, id: string): string {
  return scenario.events.find((e) => e.id === id)?.title ?? id;
}

/** The events that moved a figure materially over the window, largest first. */
function materialEvents(w: WindowSplit, bar: number): [string, Credited][] {
  return [...w.events]
    .filter(([, c]) => Math.abs(c.steps) >= bar)
    .sort((a, b) => Math.abs(b[1].steps) - Math.abs(a[1].steps));
}

/**
 * "Of that, "Medora hires Sara" moved share −8.4 points in Q6; your reply itself moved it
 * +3.3 in Q6; the other −8.6 came from …". Null when no event moved share materially.
 */
function shareSplitSentence(scenario: ScenarioDef, w: WindowSplit): string | null {
  const events = materialEvents(w, MATERIAL.share);
  if (events.length === 0) return null;
  const named = events.map(([id, c]) => `"${eventTitle(scenario, id)}" ${creditedText(c, 1)}`);
  const eventSteps = events.reduce((s, [, c]) => s + c.steps, 0);
  const rest = w.total - eventSteps - w.reply.steps;
  const reply =
    w.reply.steps === 0 && w.reply.byQuarter.length === 0
      ? 'your reply itself moved it too little to show'
      : `your reply itself ${creditedText(w.reply, 1)}`;
  const others =
    rest === 0
      ? ''
      : `; the other ${signedSteps(rest, 1)} came from the ropes already pulling, the market and your other calls`;
  return `Of that change, in points of share: ${named.join(', ')}; ${reply}${others}. Each quarter's outcome lists the same figures.`;
}

/** " (of which "Medora hires Sara" −5 in Q6)": a material event's part of a points figure. */
function eventsNote(scenario: ScenarioDef, w: WindowSplit): string {
  const events = materialEvents(w, MATERIAL.points);
  if (events.length === 0) return '';
  const named = events.map(([id, c]) => `"${eventTitle(scenario, id)}" ${creditedText(c, 0)}`);
  return ` (of which ${named.join(', ')})`;
}

/** `steps` whole points (or tenths, with `digits` 1) said in words. */
function amount(steps: number, digits = 0): string {
  const v = Math.abs(steps) / 10 ** digits;
  return digits === 0 ? plural(v) : `${v.toFixed(digits)} points`;
}

function verbed(steps: number, what: string): string {
  return `${steps > 0 ? 'raised' : 'cut'} ${what} by ${amount(steps)}`;
}

function moved(steps: number, what: string, digits = 0): string {
  if (steps === 0) return `${what} held`;
  return `${what} ${steps > 0 ? 'rose' : 'fell'} ${amount(steps, digits)}`;
}

const total = (e: MetricEffect) => e.shown.now + e.shown.later;

/**
 * " in all" where a figure moved at once and again later, so that the net change the first
 * sentence gives does not read as a contradiction of the quarter's outcome, which showed
 * the change at once ("+13", then "raised … by 9 points in all", then the two parts).
 */
const inAll = (e: MetricEffect): string =>
  e.shown.now !== 0 && e.shown.later !== 0 ? ' in all' : '';

function decisionSentences(
  d: Omit<DecisionExplanation, 'sentences'>,
  notes: { trust: string; alignment: string },
): string[] {
  const out: string[] = [];
  const named = d.effects
    .filter((e) => NAMED[e.metric] && total(e) !== 0)
    .sort((a, b) => Math.abs(total(b)) - Math.abs(total(a)));
  // the decision is made as its quarter opens: that quarter and the next are the two after it
  const window = d.untilQuarter > d.quarter ? 'over the next two quarters' : 'that quarter';
  const head = named[0];
  const call = `Your Q${d.quarter} ${d.style} call "${d.label}"`;
  const share = moved(d.shownMoves.share, 'market share', 1);
  out.push(
    head
      ? `${call} ${verbed(total(head), NAMED[head.metric]!)}${inAll(head)}; ${share} ${window}.`
      : `${call} left the team's numbers as they were; ${share} ${window}.`,
  );
  // where an event moved share, the card says how much, beside what the reply itself did:
  // a fall an event caused must not read as the reply's
  if (d.shareSplit) out.push(d.shareSplit);
  // and where the ropes already pulling moved share much further the next quarter, why
  if (d.shareSplit && d.balanceNote) out.push(d.balanceNote);
  // each list names its own largest moves, a move later undone included: "At once" says
  // what the quarter's outcome showed the reply doing, whatever came after
  const largest = (by: (e: MetricEffect) => number, n: number) =>
    d.effects
      .filter((e) => NAMED[e.metric] && by(e) !== 0)
      .sort((a, b) => Math.abs(by(b)) - Math.abs(by(a)))
      .slice(0, n);
  // every figure the quarter's outcome credited to the reply: a shorter list left out what
  // the outcome showed (who-owns 758801 Q6: its +2 alignment)
  const now = largest((e) => e.shown.now, Number.POSITIVE_INFINITY);
  const later = largest((e) => e.shown.later, 3);
  if (now.length)
    out.push(`At once it ${now.map((e) => verbed(e.shown.now, NAMED[e.metric]!)).join(', ')}.`);
  if (later.length) {
    const when = later.map(
      (e) => `${verbed(e.shown.later, NAMED[e.metric]!)} (by Q${Math.max(...e.laterQuarters)})`,
    );
    out.push(`Later it ${when.join(' and ')}.`);
  }
  const period =
    d.untilQuarter > d.quarter
      ? `From Q${d.quarter} to the end of Q${d.untilQuarter}`
      : `In Q${d.quarter}`;
  out.push(
    `${period}: ${moved(d.shownMoves.alignment, NAMED.alignment!)}${notes.alignment}, ${moved(d.shownMoves.trust, NAMED.trust!)}${notes.trust}.`,
  );
  if (d.fitNote) out.push(d.fitNote);
  if (d.best) {
    // the fit above keeps the player's other calls; the best path has its own around this
    // one. Where they disagree, say so, or the card reads as two verdicts on one call
    const otherCalls =
      d.best.same && d.fit === 'poor'
        ? ' It made its other calls differently, though: with yours, another reply fitted better here.'
        : '';
    // and the mirror: the strongest reply in the player's game, which the best path did not
    // make (a discount that paid only because of what the player did next)
    const itsOwnCalls =
      !d.best.same && d.fit === 'good'
        ? d.tiedWith === d.best.label
          ? ' That reply paid together with its own other calls; with yours, it would have ended level with the one you chose.'
          : ' That reply paid together with its own other calls; with yours, the one you chose was the stronger here.'
        : '';
    out.push(
      d.best.same
        ? `The best path in this market, with the same luck, made the same call.${otherCalls}`
        : `The best path in this market, with the same luck, chose "${d.best.label}" (${d.best.style}) here.${itsOwnCalls}`,
    );
  } else if (d.bestElsewhere) {
    // its earlier calls took the best path to another card this quarter: say which, so
    // the card does not go silent about it
    const b = d.bestElsewhere;
    out.push(
      `The best path in this market, with the same luck, met another situation this quarter ("${b.situationTitle}") and chose "${b.label}" (${b.style}) there.`,
    );
  }
  return out;
}

/** Above this many strategies after a point, the best continuation is not searched. */
const CONTINUATION_LIMIT = 20_000;

/** The highest-scoring way to play on from `from`, searched when the subtree is small. */
export function bestContinuation(
  scenario: ScenarioDef,
  from: SimState,
  fallback: readonly string[],
): SimState {
  if (from.situationId === null) return from;
  if (countStrategiesFrom(scenario, from.situationId) > CONTINUATION_LIMIT) {
    return continueLine(scenario, from, fallback);
  }
  let best: SimState | null = null;
  let bestScore = -1;
  const walk = (s: SimState): void => {
    if (s.situationId === null) {
      const value = score(scenario.rubric, s);
      if (value > bestScore) {
        bestScore = value;
        best = s;
      }
      return;
    }
    for (const c of situationById(scenario, s.situationId).choices)
      walk(step(scenario, s, c.id, { trace: false }));
  };
  walk(from);
  // replay with causes written down, for the debrief of the line
  const line = (best as SimState | null)?.choices.slice(from.choices.length) ?? [];
  return continueLine(scenario, from, line);
}

/** The player's reply to each situation they answered after `quarter` (1-based). */
function repliesAfter(
  states: readonly SimState[],
  choices: readonly string[],
  quarter: number,
): Map<string, string> {
  const held = new Map<string, string>();
  for (let i = quarter; i < choices.length; i++) {
    const situationId = states[i]?.situationId;
    if (situationId) held.set(situationId, choices[i]!);
  }
  return held;
}

/** Above this many replies chosen for the player, a held line is searched no further. */
const HELD_SEARCH_LIMIT = 4;

/**
 * Plays on from `from` keeping the player's own reply wherever the line meets a situation
 * they answered, so a what-if credits the one changed call and not better later ones.
 * Where it meets a situation they never saw (an earlier reply led elsewhere), it takes the
 * reply after which the rest, their calls kept again, scores highest; past a few such
 * situations, the best continuation from there.
 */
function heldLine(
  scenario: ScenarioDef,
  from: SimState,
  held: ReadonlyMap<string, string>,
): SimState {
  const line = heldChoices(scenario, from, held, 0);
  return continueLine(scenario, from, line.choices);
}

function heldChoices(
  scenario: ScenarioDef,
  from: SimState,
  held: ReadonlyMap<string, string>,
  chosenForThem: number,
): { choices: string[]; score: number } {
  let state = from;
  const choices: string[] = [];
  for (;;) {
    if (state.situationId === null) return { choices, score: score(scenario.rubric, state) };
    const own = held.get(state.situationId);
    if (own === undefined) break;
    choices.push(own);
    state = step(scenario, state, own, { trace: false });
  }
  if (chosenForThem >= HELD_SEARCH_LIMIT) {
    const end = bestContinuation(scenario, state, []);
    return {
      choices: [...choices, ...end.choices.slice(state.choices.length)],
      score: score(scenario.rubric, end),
    };
  }
  let best: { choices: string[]; score: number } | null = null;
  for (const c of situationById(scenario, state.situationId).choices) {
    const rest = heldChoices(
      scenario,
      step(scenario, state, c.id, { trace: false }),
      held,
      chosenForThem + 1,
    );
    if (best === null || rest.score > best.score)
      best = { choices: [c.id, ...rest.choices], score: rest.score };
  }
  return { choices: [...choices, ...best!.choices], score: best!.score };
}

/** Quarters after `quarter` where the line met a situation the player never answered. */
function quartersChosenFor(
  line: SimState,
  quarter: number,
  held: ReadonlyMap<string, string>,
): number[] {
  const out: number[] = [];
  for (let q = quarter + 1; q <= line.choices.length; q++) {
    const situationId = line.history[q - 1]?.situationId;
    if (situationId === undefined || !held.has(situationId)) out.push(q);
  }
  return out;
}

export interface WhatIfLine {
  choices: string[];
  score: number;
  quarters: Metrics[];
  state: SimState;
}

export interface WhatIf {
  quarter: number;
  actual: WhatIfLine;
  alternative: WhatIfLine;
  /** later quarters where the player's own choice could no longer be kept */
  replaced: number[];
}

/**
 * Replaces the choice at `quarter` (1-based) with `optionId` and replays the rest of the
 * market on the same seed, keeping the player's later choices where they still fit.
 */
export function whatIf(
  scenario: ScenarioDef,
  seed: string,
  choices: readonly string[],
  quarter: number,
  optionId: string,
): WhatIf {
  const states = statesAlong(scenario, seed, choices);
  const before = states[quarter - 1];
  if (!before || before.situationId === null || quarter > choices.length) {
    throw new RangeError(`no decision at quarter ${quarter}: the game has ${choices.length}`);
  }
  const actualEnd = states.at(-1)!;
  const held = repliesAfter(states, choices, quarter);
  const alt = heldLine(scenario, step(scenario, before, optionId), held);
  const replaced = quartersChosenFor(alt, quarter, held);
  const line = (s: SimState): WhatIfLine => ({
    choices: [...s.choices],
    score: score(scenario.rubric, s),
    quarters: s.history.map((h) => h.metrics),
    state: s,
  });
  return { quarter, actual: line(actualEnd), alternative: line(alt), replaced };
}

function turningPoint(
  scenario: ScenarioDef,
  state: SimState,
  states: readonly SimState[],
  quarter: number,
  actual: number,
): TurningPoint {
  const before = states[quarter - 1]!;
  // the other replies as the player's card showed them
  const situation = situationShownIn(scenario, state, quarter);
  const chosen = state.choices[quarter - 1]!;
  const held = repliesAfter(states, state.choices, quarter);
  const alternatives: Alternative[] = situation.choices
    .filter((c) => c.id !== chosen)
    .map((c) => {
      const end = heldLine(scenario, step(scenario, before, c.id), held);
      const value = score(scenario.rubric, end);
      return {
        choiceId: c.id,
        label: c.label,
        style: c.style,
        score: value,
        change: value - actual,
        choices: end.choices,
      };
    });
  const swing = alternatives.reduce((m, a) => Math.max(m, Math.abs(a.change)), 0);
  return {
    quarter,
    choiceId: chosen,
    swing,
    alternatives,
    sentence: turningSentence(quarter, actual, alternatives),
  };
}

/**
 * What made a decision a turning point: the reply that would have changed the final score
 * most (its swing, which the star counts, up or down), and the one that would have scored
 * most where that is another.
 */
function turningSentence(quarter: number, actual: number, alternatives: Alternative[]): string {
  const top = [...alternatives].sort((a, b) => b.change - a.change)[0];
  if (!top) return `Q${quarter} offered no other option.`;
  const widest = [...alternatives].sort(
    (a, b) => Math.abs(b.change) - Math.abs(a.change) || b.change - a.change,
  )[0]!;
  const head = `Q${quarter} was a turning point:`;
  const instead = (a: Alternative) =>
    `"${a.label}" instead would have scored ${a.score} rather than ${actual} (${a.change > 0 ? '+' : '−'}${Math.abs(a.change)})`;
  if (top.change > 0) {
    return widest === top || widest.change >= 0
      ? `${head} ${instead(top)}.`
      : `${head} ${instead(widest)}; "${top.label}" would have scored ${top.score} (+${top.change}).`;
  }
  const less = `"${widest.label}" would have scored ${plural(Math.abs(widest.change))} less (${widest.score} rather than ${actual})`;
  return top.change === 0
    ? `${head} no other reply would have scored more; ${less}.`
    : `${head} every other reply would have scored less; ${less}.`;
}

/** The debrief of a finished (or partly played) game. */
export function explainGame(
  scenario: ScenarioDef,
  state: SimState,
  opts: ExplainOptions = {},
): Explanation {
  const actual = score(scenario.rubric, state);
  const states = statesAlong(scenario, state.seed, state.choices);
  const bestChoices = opts.best ?? bestPath(scenario, state.seed).choices;
  const bestStates = statesAlong(scenario, state.seed, bestChoices);
  const last = state.history.length;
  // alternatives are played to the end, so they compare only with a finished game
  const turns =
    state.situationId === null
      ? state.history.map((r) => turningPoint(scenario, state, states, r.quarter, actual))
      : [];
  const decisions = state.history.map((report): DecisionExplanation => {
    const q = report.quarter;
    // labels and coach notes as the player's card showed them, the best path's reply too:
    // it is named as what the player could have pressed on that card
    const situation = situationShownIn(scenario, state, q);
    const choice = situation.choices.find((c) => c.id === report.choiceId)!;
    const untilQuarter = Math.min(q + 1, last);
    const from = metricsBefore(state, q);
    const to = state.history[untilQuarter - 1]!.metrics;
    const bestAt = bestStates[q - 1];
    const bestId = bestChoices[q - 1];
    const bestChoice =
      bestAt?.situationId === situation.id
        ? situation.choices.find((c) => c.id === bestId)
        : undefined;
    const bestEnd = bestStates[bestStates.length - 1];
    const elsewhere =
      bestChoice === undefined && bestEnd !== undefined && bestEnd.history.length >= q
        ? situationShownIn(scenario, bestEnd, q)
        : null;
    const elsewhereChoice = elsewhere?.choices.find((c) => c.id === bestId);
    const window = (figure: SplitFigure, shown: ShownScale) =>
      windowSplit(scenario, state, q, untilQuarter, figure, shown);
    const d = {
      quarter: q,
      situationId: situation.id,
      situationTitle: situation.title,
      kind: situation.kind ?? null,
      choiceId: choice.id,
      label: choice.label,
      style: choice.style,
      coach: choice.coach ?? null,
      effects: effectsOf(scenario, state, q, states),
      moves: {
        share: Math.round((to.share - from.share) * 1e6) / 1e6,
        alignment: Math.round((to.alignment - from.alignment) * 1e6) / 1e6,
        trust: Math.round((to.trust - from.trust) * 1e6) / 1e6,
      },
      // as the outcomes show them: the difference of the values shown
      shownMoves: {
        share: shownSteps(TENTHS, to.share) - shownSteps(TENTHS, from.share),
        alignment: shownSteps(POINTS, to.alignment) - shownSteps(POINTS, from.alignment),
        trust: shownSteps(POINTS, to.trust) - shownSteps(POINTS, from.trust),
      },
      untilQuarter,
      shareSplit: shareSplitSentence(scenario, window('share', TENTHS)),
      balanceNote: null as string | null,
      best: bestChoice
        ? {
            choiceId: bestChoice.id,
            label: bestChoice.label,
            style: bestChoice.style,
            same: bestChoice.id === choice.id,
          }
        : null,
      bestElsewhere:
        elsewhere && elsewhereChoice
          ? {
              situationTitle: elsewhere.title,
              label: elsewhereChoice.label,
              style: elsewhereChoice.style,
            }
          : null,
      ...fitIn(turns[q - 1]),
    };
    // a card's split counts the next quarter's ropes already pulling: where they moved share
    // much further than this quarter's, because what happened here knocked the customer off
    // balance, the card says so (each such quarter on one card: the one where the push came)
    if (d.shareSplit && untilQuarter > q) {
      const gap = balanceGap(scenario, state, untilQuarter, states);
      if (gap) d.balanceNote = cardSentence(scenario, gap);
    }
    // what the reply itself did to a figure an event reads, at once
    const ownMove = (metric: string) => d.effects.find((e) => e.metric === metric)?.now ?? 0;
    return {
      ...d,
      sentences: [
        ...decisionSentences(d, {
          trust: eventsNote(scenario, window('trust', POINTS)),
          alignment: eventsNote(scenario, window('alignment', POINTS)),
        }),
        ...eventsLetIn(scenario.events, state, q, ownMove),
      ],
    };
  });
  const turningPoints = turns
    .filter((t) => t.swing > 0)
    .sort((a, b) => b.swing - a.swing || a.quarter - b.quarter)
    .slice(0, opts.turningPoints ?? Number.POSITIVE_INFINITY);
  const good = decisions.filter((d) => d.fit === 'good').length;
  const poor = decisions.filter((d) => d.fit === 'poor').length;
  const judged = good + poor;
  const sentence =
    turns.length === 0
      ? 'Finish the game to see how each reply did against the others in your market.'
      : `${good} of your ${decisions.length} replies ${good === 1 ? 'was' : 'were'} the strongest in the game you built${poor ? `; ${poor} cost you ${POOR_BY} points or more against another reply` : ''}.`;
  return {
    score: actual,
    decisions,
    turningPoints,
    styleFit: { good, poor, neutral: decisions.length - judged, sentence },
  };
}
