import {
  type Metrics,
  metricsBefore,
  type ScenarioDef,
  type SimState,
  shownSteps,
  styleName,
} from '../sim/index.ts';
import { moneyFormat, showsProfit } from './money.ts';
import { shownNumber, signedNumber } from './numbers.ts';
import type { TermKey } from './terms.ts';

// Words for what the model did: which number moved, by how much, and because of what.
// Pure functions over the sim's causes, so the outcome panel and the debrief say the same.

const signed = (v: number, digits = 1) => signedNumber(v, digits);

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
  /** two values shown side by side (before and after), told apart wherever their steps differ */
  pair(a: number, b: number): [string, string];
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
  const value = (v: number) =>
    `${shownNumber(shownSteps({ scale, digits }, v) / 10 ** digits, digits)}${unit}`;
  return {
    key,
    label,
    term,
    scale,
    digits,
    unit,
    changeUnit,
    value,
    // values shown to their steps differ wherever their steps do
    pair: (a, b) => [value(a), value(b)],
    delta: (d) => `${signed(d * scale, digits)}${changeUnit}`,
    change: (steps) => `${signed(steps / 10 ** digits, digits)}${changeUnit}`,
  };
}

/** A value as the whole number of steps it is shown with (the model's rule, src/sim/shown-split.ts). */
export function stepsOf(w: Watched, v: number): number {
  return shownSteps(w, v);
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
  watched('autonomy', 'Autonomy', 'autonomy', 100, 0, '/100', ''),
  watched('breadth', 'Contacts across the customer', 'breadth', 100, 0, '%', ' pts'),
  watched('brand', 'Brand strength', 'brand', 100, 0, '/100', ''),
];

/**
 * The watched metrics of one scenario: money in its currency, and profit beside revenue
 * when the scenario says anything about margins, costs or a leech segment. Money keeps
 * revenue's steps (whole thousands), so its changes and their causes still add up; above
 * a million the compact "€1.2M" shows fewer digits than the change counts, so a before and
 * after shown together get the digits that tell them apart ("€1.15M → €1.22M", money.ts).
 */
export function watchedFor(scenario: ScenarioDef): Watched[] {
  const money = moneyFormat(scenario);
  const inMoney = (w: Watched): Watched => ({
    ...w,
    // the value rounded to its step first, so "€108.8K → €88.3K" cannot sit beside a
    // change of −€21K: both ends are shown in the whole thousands the change counts
    value: (v) => money.value(stepsOf(w, v)),
    // above a million, both ends get the digits that tell them apart: "€1.15M → €1.22M"
    pair: (a, b) => money.pair(stepsOf(w, a), stepsOf(w, b)),
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

/** How each watched metric moved in the given quarter (1-based) against the one before. */
export function metricMoves(scenario: ScenarioDef, state: SimState, quarter: number): MetricMove[] {
  const now = state.history[quarter - 1]?.metrics;
  if (!now) return [];
  const before = metricsBefore(state, quarter);
  return watchedFor(scenario).map((w) => {
    const steps = stepsOf(w, now[w.key]) - stepsOf(w, before[w.key]);
    const [was, is] = w.pair(before[w.key], now[w.key]);
    return {
      key: w.key,
      label: w.label,
      term: w.term,
      before: was,
      after: is,
      change: showSteps(w, steps),
      steps,
      direction: steps > 0 ? 1 : steps < 0 ? -1 : 0,
    };
  });
}

export function choiceLabel(scenario: ScenarioDef, choiceId: string): string {
  for (const s of scenario.situations) {
    const c = s.choices.find((x) => x.id === choiceId);
    if (c) return c.label;
  }
  return choiceId;
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
