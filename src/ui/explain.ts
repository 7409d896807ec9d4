import {
  type Cause,
  type Metrics,
  type ScenarioDef,
  type SimState,
  styleName,
} from '../sim/index.ts';
import { moneyFormat, showsProfit } from './money.ts';
import type { TermKey } from './terms.ts';

// Words for what the model did: which number moved, by how much, and because of what.
// Pure functions over the sim's causes, so the outcome panel and the debrief say the same.

const signed = (v: number, digits = 1) => {
  const r = Number(v.toFixed(digits));
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(digits)}`;
};

/**
 * The metrics a player watches, with how to show them: a value is shown as a whole number of
 * steps (10^-digits of value × scale), and a change as the difference of the values shown,
 * so "before", "now" and "change" always agree, and so do the causes listed beside them.
 */
export interface Watched {
  key: keyof Metrics;
  label: string;
  /** the glossary entry that defines it */
  term: TermKey;
  scale: number;
  digits: number;
  /** after a value: "%", "k" or "/100" */
  unit: string;
  /** after a change: " pts", "k" or "" */
  changeUnit: string;
  value(v: number): string;
  delta(d: number): string;
  /** a change of this many shown steps, signed: "+2.1 pts", "−3", "+€12K" */
  change(steps: number): string;
}

function watched(
  key: keyof Metrics,
  label: string,
  term: TermKey,
  scale: number,
  digits: number,
  unit: string,
  changeUnit: string,
): Watched {
  return {
    key,
    label,
    term,
    scale,
    digits,
    unit,
    changeUnit,
    value: (v) => `${(shownSteps(scale, digits, v) / 10 ** digits).toFixed(digits)}${unit}`,
    delta: (d) => `${signed(d * scale, digits)}${changeUnit}`,
    change: (steps) => `${signed(steps / 10 ** digits, digits)}${changeUnit}`,
  };
}

/** A value as the whole number of steps it is shown with. */
function shownSteps(scale: number, digits: number, v: number): number {
  return Math.round(v * scale * 10 ** digits) + 0;
}

export function stepsOf(w: Watched, v: number): number {
  return shownSteps(w.scale, w.digits, v);
}

/** A change of `steps` steps, signed: "+2.1 pts", "−3", "±0", "+€12K". */
export function showSteps(w: Watched, steps: number): string {
  return w.change(steps);
}

export const WATCHED: Watched[] = [
  watched('share', 'Market share', 'share', 100, 1, '%', ' pts'),
  watched('revenue', 'Revenue', 'revenue', 1, 0, 'k', 'k'),
  watched('growthQoQ', 'Growth on last quarter', 'growth', 100, 1, '%', ' pts'),
  watched('attainment', 'Plan attainment', 'attainment', 100, 0, '%', ' pts'),
  watched('trust', "Customer's trust", 'trust', 100, 0, '/100', ''),
  watched('alignment', 'Team alignment', 'alignment', 100, 0, '/100', ''),
  watched('morale', 'Team morale', 'morale', 100, 0, '/100', ''),
  watched('breadth', 'Contacts across the customer', 'breadth', 100, 0, '%', ' pts'),
  watched('brand', 'Brand strength', 'brand', 100, 0, '/100', ''),
];

/**
 * The watched metrics of one scenario: money in its currency, and profit beside revenue
 * when the scenario says anything about margins, costs or a leech segment. Money keeps
 * revenue's steps (whole thousands), so its changes and their causes still add up; above
 * a million the compact "€1.2M" shows fewer digits than the change counts.
 */
export function watchedFor(scenario: ScenarioDef): Watched[] {
  const money = moneyFormat(scenario);
  const inMoney = (w: Watched): Watched => ({
    ...w,
    // the value rounded to its step first, so "€108.8K → €88.3K" cannot sit beside a
    // change of −€21K: both ends are shown in the whole thousands the change counts
    value: (v) => money.value(stepsOf(w, v)),
    delta: money.delta,
    change: money.delta,
  });
  const out: Watched[] = [];
  for (const w of WATCHED) {
    if (w.key !== 'revenue') {
      out.push(w);
      continue;
    }
    out.push(inMoney(w));
    if (showsProfit(scenario)) {
      out.push(
        inMoney({ ...w, key: 'profit', label: 'Profit after cost to serve', term: 'profit' }),
      );
    }
  }
  return out;
}

/** One watched figure of a scenario, shown as `watchedFor` shows it. */
export function watchedFigure(scenario: ScenarioDef, key: keyof Metrics): Watched | undefined {
  return watchedFor(scenario).find((w) => w.key === key);
}

export interface MetricMove {
  key: keyof Metrics;
  label: string;
  term: TermKey;
  before: string;
  after: string;
  change: string;
  /** the change in shown steps: the difference of the two values as shown */
  steps: number;
  /** +1 better, −1 worse, 0 unchanged (said in words too, never by colour alone) */
  direction: -1 | 0 | 1;
}

export function metricsBefore(state: SimState, quarter: number): Metrics {
  return quarter <= 1 ? state.start : (state.history[quarter - 2]?.metrics ?? state.start);
}

/** How each watched metric moved in the given quarter (1-based) against the one before. */
export function metricMoves(scenario: ScenarioDef, state: SimState, quarter: number): MetricMove[] {
  const now = state.history[quarter - 1]?.metrics;
  if (!now) return [];
  const before = metricsBefore(state, quarter);
  return watchedFor(scenario).map((w) => {
    const steps = stepsOf(w, now[w.key]) - stepsOf(w, before[w.key]);
    return {
      key: w.key,
      label: w.label,
      term: w.term,
      before: w.value(before[w.key]),
      after: w.value(now[w.key]),
      change: showSteps(w, steps),
      steps,
      direction: steps > 0 ? 1 : steps < 0 ? -1 : 0,
    };
  });
}

function memberName(scenario: ScenarioDef, id: string): string {
  return scenario.team.find((m) => m.id === id)?.name ?? id;
}

function competitorName(scenario: ScenarioDef, id: string): string {
  return scenario.competitors.find((c) => c.id === id)?.name ?? id;
}

/** "trust +6", "Maya's morale −3", "BrewCo's pull +0.10". */
export function describeEffect(scenario: ScenarioDef, metric: string, delta: number): string {
  const [key = metric, who] = metric.split(':');
  const points = `${signed(delta * 100)} pts`;
  switch (key) {
    case 'trust':
      return `customer's trust ${signed(delta * 100)}`;
    case 'alignment':
      return `team alignment ${signed(delta * 100)}`;
    case 'morale':
    case 'effort':
    case 'skill':
      return who
        ? `${memberName(scenario, who)}'s ${key} ${signed(delta * 100)}`
        : `team ${key} ${signed(delta * 100)}`;
    case 'angle':
      return `${memberName(scenario, who ?? '')}'s rope turned ${signed(delta, 0)}°`;
    case 'left':
      return `${memberName(scenario, who ?? '')} left the team`;
    case 'autonomy':
      return `reps' autonomy ${signed(delta * 100)}`;
    case 'breadth':
      return `contacts across the customer ${points}`;
    case 'companyContacts':
      return `contacts owned by the company ${signed(delta, 0)}`;
    case 'brand':
      return `brand ${signed(delta * 100)}`;
    case 'competitor':
      return `${competitorName(scenario, who ?? '')}'s pull ${signed(delta, 2)}`;
    case 'competitorAlignment':
      return `${competitorName(scenario, who ?? '')}'s unity ${signed(delta * 100)}`;
    case 'outside':
      return `outside pull ${signed(delta, 2)} (${delta >= 0 ? 'towards us' : 'away from us'})`;
    case 'marketSize':
      return `market size ${moneyFormat(scenario).delta(delta)}`;
    case 'price':
      return `our price ${signed(delta * 100)}% of list`;
    case 'costToServe':
      return `cost to serve ${signed(delta * 100)}% of revenue`;
    case 'leech':
      return delta < 0
        ? `leech segment served ${signed(delta * 100, 0)}% (dropped)`
        : `leech segment served ${signed(delta * 100, 0)}% (taken back)`;
    case 'home':
      return `customer's status quo ${signed(delta * 50)} share pts`;
    default:
      return `${metric} ${signed(delta, 2)}`;
  }
}

export function choiceLabel(scenario: ScenarioDef, choiceId: string): string {
  for (const s of scenario.situations) {
    const c = s.choices.find((x) => x.id === choiceId);
    if (c) return c.label;
  }
  return choiceId;
}

/** Who or what made a change: a choice, a style, a delayed effect, an event or the market. */
export function describeSource(scenario: ScenarioDef, cause: Cause): string {
  switch (cause.source) {
    case 'choice':
      return `Your choice “${choiceLabel(scenario, cause.ref)}”`;
    case 'style':
      if (cause.ref === 'directive-relax')
        return 'Alignment forced by an earlier firm call relaxing';
      return `Your ${cause.ref} style`;
    case 'later':
      return `Later effect of your quarter ${cause.origin} choice “${choiceLabel(scenario, cause.ref)}”${cause.note ? ` (${cause.note})` : ''}`;
    case 'event': {
      const e = scenario.events.find((x) => x.id === cause.ref);
      return `Event: ${e?.title ?? cause.ref}`;
    }
    case 'market':
      // the model's own dynamics say what they are (e.g. a divided team confusing the
      // customer); only the seeded gust has no note
      return cause.note ? `The market: ${cause.note}` : 'Market noise';
  }
}

export interface CauseGroup {
  source: string;
  effects: string[];
}

/** A quarter's causes grouped by what caused them, in the order they happened. */
export function groupCauses(scenario: ScenarioDef, causes: readonly Cause[]): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const c of causes) {
    const source = describeSource(scenario, c);
    const g = groups.get(source) ?? { source, effects: [] };
    g.effects.push(describeEffect(scenario, c.metric, c.delta));
    groups.set(source, g);
  }
  return [...groups.values()];
}

/** Everything a decision made in `quarter` did, then and later, summed by metric. */
export function choiceEffects(scenario: ScenarioDef, state: SimState, quarter: number): string[] {
  const sums = new Map<string, number>();
  const report = state.history[quarter - 1];
  if (!report) return [];
  for (const h of state.history) {
    for (const c of h.causes) {
      if (c.origin !== quarter) continue;
      const mine =
        c.source === 'choice' || c.source === 'later'
          ? c.ref === report.choiceId
          : c.source === 'style' && c.ref === report.style;
      if (mine) sums.set(c.metric, (sums.get(c.metric) ?? 0) + c.delta);
    }
  }
  return [...sums]
    .filter(([, d]) => Math.abs(d) > 1e-9)
    .map(([m, d]) => describeEffect(scenario, m, d));
}

export const STYLE_MARKS: Record<string, string> = { directive: '▲', collaborative: '●' };

export function styleMark(style: string): string {
  return STYLE_MARKS[style] ?? '◆';
}

// the style's name is the model's (src/sim/style-names.ts); its mark is the screens'
export { styleName };

const KINDS: Record<string, { name: string; phrase: string }> = {
  crisis: { name: 'Crisis', phrase: 'a crisis' },
  build: { name: 'Slow build', phrase: 'a slow build' },
  routine: { name: 'Routine', phrase: 'a routine one' },
};

/** A situation's kind as a tag: "Slow build". */
export function kindName(kind: string): string {
  return KINDS[kind]?.name ?? styleName(kind);
}

/** A situation's kind in a sentence: "The situation was a slow build." */
export function kindPhrase(kind: string): string {
  return KINDS[kind]?.phrase ?? kind;
}
