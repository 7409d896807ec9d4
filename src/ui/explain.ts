import type { Cause, Metrics, ScenarioDef, SimState } from '../sim/index.ts';
import { moneyFormat, showsProfit } from './money.ts';

// Words for what the model did: which number moved, by how much, and because of what.
// Pure functions over the sim's causes, so the outcome panel and the debrief say the same.

const pct = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;
const signed = (v: number, digits = 1) => {
  const r = Number(v.toFixed(digits));
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(digits)}`;
};

export interface Watched {
  key: keyof Metrics;
  label: string;
  value(v: number): string;
  delta(d: number): string;
}

/** The metrics a player watches, with how to show a value and a change. */
export const WATCHED: Watched[] = [
  {
    key: 'share',
    label: 'Market share',
    value: (v) => pct(v),
    delta: (d) => `${signed(d * 100)} pts`,
  },
  {
    key: 'revenue',
    label: 'Revenue',
    value: (v) => `${Math.round(v)}k`,
    delta: (d) => `${signed(d, 0)}k`,
  },
  {
    key: 'growthQoQ',
    label: 'Growth on last quarter',
    value: (v) => pct(v),
    delta: (d) => `${signed(d * 100)} pts`,
  },
  {
    key: 'attainment',
    label: 'Plan attainment',
    value: (v) => pct(v, 0),
    delta: (d) => `${signed(d * 100)} pts`,
  },
  {
    key: 'trust',
    label: "Customer's trust",
    value: (v) => `${Math.round(v * 100)}/100`,
    delta: (d) => signed(d * 100),
  },
  {
    key: 'alignment',
    label: 'Team alignment',
    value: (v) => `${Math.round(v * 100)}/100`,
    delta: (d) => signed(d * 100),
  },
  {
    key: 'morale',
    label: 'Team morale',
    value: (v) => `${Math.round(v * 100)}/100`,
    delta: (d) => signed(d * 100),
  },
  {
    key: 'breadth',
    label: 'Contacts across the customer',
    value: (v) => pct(v, 0),
    delta: (d) => `${signed(d * 100, 0)} pts`,
  },
  {
    key: 'brand',
    label: 'Brand strength',
    value: (v) => `${Math.round(v * 100)}/100`,
    delta: (d) => signed(d * 100),
  },
];

/**
 * The watched metrics of one scenario: money in its currency, and profit beside revenue
 * when the scenario says anything about margins, costs or a leech segment.
 */
export function watchedFor(scenario: ScenarioDef): Watched[] {
  const money = moneyFormat(scenario);
  const out: Watched[] = [];
  for (const w of WATCHED) {
    if (w.key !== 'revenue') {
      out.push(w);
      continue;
    }
    out.push({ ...w, value: money.value, delta: money.delta });
    if (showsProfit(scenario)) {
      const label = 'Profit after cost to serve';
      out.push({ key: 'profit', label, value: money.value, delta: money.delta });
    }
  }
  return out;
}

export interface MetricMove {
  key: keyof Metrics;
  label: string;
  before: string;
  after: string;
  change: string;
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
    const d = now[w.key] - before[w.key];
    const shown = w.delta(d);
    const direction = /^±/.test(shown) ? 0 : d > 0 ? 1 : -1;
    return {
      key: w.key,
      label: w.label,
      before: w.value(before[w.key]),
      after: w.value(now[w.key]),
      change: shown,
      direction,
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

export function styleName(style: string): string {
  return style.charAt(0).toUpperCase() + style.slice(1);
}

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
