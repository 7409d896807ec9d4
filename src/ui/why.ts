import {
  choiceShownIn,
  type Metrics,
  ownerOf,
  POINTS,
  possessive,
  priceCost,
  type ScenarioDef,
  type ShownSplit,
  type SimState,
  type SplitFigure,
  shownSplit,
  shownSteps,
  teamSkill,
  type WhySource,
} from '../sim/index.ts';
import {
  choiceLabel,
  type MetricMove,
  metricMoves,
  type Watched,
  watchedFigure,
} from './explain.ts';

// What moved a figure in a quarter, in a sales manager's words, in shown steps that add up
// to the change shown: the model's exact split (src/sim/attribution.ts), rounded by
// src/sim/shown-split.ts, which the debrief's sentences read too, so both screens give a
// cause the same figure. What rounding alone made of the change is a line of its own.

export interface WhyLine {
  /** what did it: a reply, a person, a rival, an event */
  label: string;
  /**
   * 'now' for what happened this quarter, 'standing' for the ropes as the quarter opened,
   * 'rounding' for the part of the change shown that no cause moved far enough to show
   */
  group: 'now' | 'standing' | 'rounding';
  /** the change it made, in the figure's shown steps (tenths of a point of share) */
  steps: number;
}

/** A figure's move as the outcome shows it: a watched metric's, or the team's skill. */
export type FigureMove = Omit<MetricMove, 'key'> & { key: keyof Metrics | 'skill' };

export interface FigureWhy {
  figure: SplitFigure | 'skill';
  move: FigureMove;
  /** how the figure is shown, in this scenario's currency for money */
  watched: Omit<Watched, 'key'> & { key: keyof Metrics | 'skill' };
  /** the parts that moved the figure by at least one shown step, largest first, then rounding's */
  lines: WhyLine[];
}

/** "Priya Nair (power tools)" is Priya Nair when a sentence names her. */
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

function memberLabel(scenario: ScenarioDef, id: string): string {
  const m = scenario.team.find((x) => x.id === id);
  return `${possessive(shortName(m?.name ?? 'a former colleague'))} pull`;
}

/** "Platr (ordering app)" gives "Platr's pull (ordering app)": the possessive on the name. */
function pullOf(name: string): string {
  const bracket = /^(.*?)\s*(\(.*\))\s*$/.exec(name);
  return bracket ? `${possessive(bracket[1]!)} pull ${bracket[2]}` : `${possessive(name)} pull`;
}

function competitorLabel(scenario: ScenarioDef, id: string): string {
  return pullOf(scenario.competitors.find((c) => c.id === id)?.name ?? 'a rival');
}

/** The line of a price away from list: the customer it drew, not what it cost (outcome.ts says that). */
export const PRICE_LABEL = 'your price against the list price';

const MARKET: Record<string, string> = {
  noise: 'market noise, an outside influence (the economy, word of mouth)',
  confusion: 'a divided team confusing the customer',
  price: PRICE_LABEL,
};

const DRIFT: Record<string, string> = {
  settle: "last quarter's results changing effort and spirits",
  spirits: "spirits following the plan and the team's say",
  brand: 'the brand following the share, as far as the team pulls as one',
  growth: "the customer's market growing",
};

/**
 * A reply named inside a longer line: up to its first ";" or ":", and at most 45
 * characters, cut at a comma where there is one, else at a word.
 */
export function firstClause(label: string): string {
  const cut = label.search(/[;:]/);
  const head = cut > 0 ? label.slice(0, cut) : label;
  if (head.length <= 45 && cut < 0) return head;
  if (head.length <= 45) return `${head}…`;
  const comma = head.lastIndexOf(',', 45);
  const short = head.slice(0, comma > 0 ? comma : head.lastIndexOf(' ', 45));
  return `${short.trimEnd()}…`;
}

/**
 * Who or what moved a figure, in words. `quarter` is the quarter being explained: its own
 * reply is "your reply", since the screen has just said which it was.
 */
export function whyLabel(
  scenario: ScenarioDef,
  state: SimState,
  by: WhySource,
  quarter = 0,
): string {
  // an earlier reply as its card showed it then (its alternative for that history)
  const shownLabel = (q: number, id: string) =>
    (q >= 1 && q <= state.history.length ? choiceShownIn(scenario, state, q, id)?.label : null) ??
    choiceLabel(scenario, id);
  switch (by.kind) {
    case 'pull':
      switch (by.source) {
        case 'member':
          return memberLabel(scenario, by.ref);
        case 'competitor':
          return competitorLabel(scenario, by.ref);
        case 'distrust':
          return "the customer's distrust";
        case 'contacts':
          return 'your contacts across the customer';
        case 'habits':
          return "the customer's habits";
      }
      break;
    case 'drift': {
      // the brand moves towards the share times the team's alignment, so it can fall in a
      // quarter the share rose: name where it is heading, or the line reads as a contradiction
      const m = quarter >= 1 ? state.history[quarter - 1]?.metrics : undefined;
      if (by.source === 'brand' && m)
        return `the brand drifting towards ${Math.round(m.alignment * m.share * 100)}/100: your ${Math.round(m.share * 100)}% share, as far as the team pulls as one`;
      return DRIFT[by.source] ?? by.source;
    }
    case 'cause':
      switch (by.source) {
        case 'choice':
          if (by.origin === quarter) return 'your reply';
          return `your reply “${shownLabel(by.origin, by.ref)}”`;
        case 'later':
          return `your Q${by.origin} reply “${shownLabel(by.origin, by.ref)}”, later${by.note ? ` (${by.note})` : ''}`;
        case 'style': {
          // named by the reply that set it, whatever its style: a hands-off reply that also
          // hands over a playbook tells too, and calling it a "firm call" contradicts its ◆
          const q = ownerOf(scenario, state.history, by);
          const set = state.history[q - 1];
          const reply = set ? ` (“${firstClause(shownLabel(q, set.choiceId))}”)` : '';
          return `the direction you set in Q${q}${reply} wearing off`;
        }
        case 'event':
          return scenario.events.find((e) => e.id === by.ref)?.title ?? 'an event';
        case 'market':
          return MARKET[by.ref] ?? by.note ?? 'the market';
      }
  }
  return 'the market';
}

/** Figures that are the team's average: a departure moves them by leaving someone out. */
const AVERAGED: Record<string, string> = { morale: 'morale', skill: 'skill' };

/**
 * An event that took someone from the team moves an average figure by taking their value
 * out of it: "Medora hires Sara" lifting morale +2 is the team's average rising once Sara's
 * lower morale no longer counts, and the line says so. Null where the event made nobody
 * leave that quarter, or the figure is no average.
 */
export function departureNote(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  by: WhySource,
  figure: string,
  steps: number,
): string | null {
  const what = AVERAGED[figure];
  if (!what || by.kind !== 'cause' || by.source !== 'event' || steps === 0) return null;
  const causes = (state.history[quarter - 1]?.causes ?? []).filter(
    (c) => c.source === 'event' && c.ref === by.ref,
  );
  const left = causes
    .filter((c) => c.metric.startsWith('left:'))
    .map((c) => shortName(scenario.team.find((m) => m.id === c.metric.slice(5))?.name ?? ''))
    .filter((n) => n !== '');
  if (left.length === 0) return null;
  const whose = possessive(left.join(' and '));
  // the event moved the figure itself too: the departure is only part of its line
  const direct = causes.some((c) => c.metric === what || c.metric.startsWith(`${what}:`));
  if (direct) return `partly the team's average without ${whose} ${what}`;
  return `the team's average without ${whose} ${steps > 0 ? 'lower' : 'higher'} ${what}`;
}

/** What the change shown owes to rounding alone, when no cause moved it far enough to show. */
export const ROUNDING_LABEL = 'smaller moves, each too small to show';

/** The change of `figure` in `quarter` (1-based), split by what caused it. */
export function figureWhy(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  figure: SplitFigure,
  /** one line for every rope already pulling, told in these words (where share lists them) */
  standingAs?: string,
): FigureWhy | null {
  const move = metricMoves(scenario, state, quarter).find((m) => m.key === figure);
  const w = watchedFigure(scenario, figure);
  // a figure this scenario does not show (profit where money is not modelled) has no why
  if (!move || !w) return null;
  const split = shownSplit(state, quarter, figure, w, standingAs !== undefined);
  if (!split) return null;
  return {
    figure,
    move,
    watched: w,
    lines: linesOf(scenario, state, quarter, figure, split, standingAs),
  };
}

/** A split's lines in words: parts told in the same words are one line, largest first. */
function linesOf(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  figure: SplitFigure | 'skill',
  split: ShownSplit,
  standingAs?: string,
): WhyLine[] {
  const byLabel = new Map<string, WhyLine>();
  for (const l of split.lines) {
    const note = departureNote(scenario, state, quarter, l.by, figure, l.steps);
    const label =
      standingAs !== undefined && l.by.kind === 'pull'
        ? standingAs
        : `${whyLabel(scenario, state, l.by, quarter)}${note ? ` (${note})` : ''}`;
    const line = byLabel.get(label) ?? {
      label,
      group: l.by.kind === 'pull' ? 'standing' : 'now',
      steps: 0,
    };
    line.steps += l.steps;
    byLabel.set(label, line);
  }
  const lines = [...byLabel.values()]
    .filter((l) => l.steps !== 0)
    .sort((a, b) => Math.abs(b.steps) - Math.abs(a.steps));
  if (split.unshown !== 0) {
    lines.push({ label: ROUNDING_LABEL, group: 'rounding', steps: split.unshown });
  }
  return lines;
}

/** The team's skill as the outcome shows it: its people's average, in whole points. */
export const SKILL_LABEL = 'Team skill (average)';

/**
 * The team's skill in `quarter`, split by cause as the other figures are: the debrief's
 * "raised the team's skill by 2 points" reads the same lines (src/sim/explain.ts,
 * teamSkill), so a trainee sees on the outcome every figure the debrief reports.
 */
export function skillWhy(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  states?: readonly SimState[],
): FigureWhy | null {
  const t = teamSkill(scenario, state, quarter, states);
  if (!t) return null;
  const steps = t.split.total;
  const value = (v: number) => String(shownSteps(POINTS, v));
  const change = (st: number) => `${st > 0 ? '+' : st < 0 ? '−' : '±'}${Math.abs(st)}`;
  return {
    figure: 'skill',
    move: {
      key: 'skill',
      label: SKILL_LABEL,
      term: 'skill',
      before: value(t.before),
      after: value(t.after),
      change: change(steps),
      steps,
      direction: steps > 0 ? 1 : steps < 0 ? -1 : 0,
    },
    watched: {
      key: 'skill',
      label: SKILL_LABEL,
      term: 'skill',
      scale: POINTS.scale,
      digits: POINTS.digits,
      unit: '',
      changeUnit: '',
      value,
      pair: (a, b) => [value(a), value(b)],
      delta: (d) => change(Math.round(d * POINTS.scale)),
      change,
    },
    lines: linesOf(scenario, state, quarter, 'skill', t.split),
  };
}

export interface PriceNote {
  /** "stood 7% under list this quarter", after "Your price" */
  lead: string;
  /** what it cost (or earned) at that price, then what it drew, each with its amount */
  rows: { steps: number; amount: string; label: string }[];
  /** the margin given away, in thousands (negative where a price over list earned some) */
  givenAway: number;
}

/**
 * What a price away from list cost in the quarter, told under the money it drew. The
 * split's line "your price against the list price" is only the customer the price drew,
 * and read alone it makes a discount look as if it earned money every quarter it lasts;
 * the margin it gives away on every unit sold is a standing cost (src/sim/attribution.ts,
 * priceCost), said here each quarter the price stays away from list, in the scenario's
 * currency, beside what the price drew. Null at list price, or under a thousand.
 */
export function priceNote(
  state: SimState,
  quarter: number,
  revenue: FigureWhy | null,
  profit: FigureWhy | null,
): PriceNote | null {
  const cost = priceCost(state, quarter);
  if (!cost || !revenue) return null;
  const givenAway = Math.round(cost.givenAway);
  if (givenAway === 0) return null;
  const percent = Math.round(Math.abs(1 - cost.price) * 100);
  const under = cost.price < 1;
  const money = profit ?? revenue;
  const rows: PriceNote['rows'] = [
    {
      steps: -givenAway,
      amount: money.watched.change(-givenAway),
      label: under
        ? `margin given away: the same sales at list price would have brought this much more${profit ? ', in revenue too' : ''}, and do again every quarter the price stays under list`
        : `margin the higher price earned: the same sales at list price would have brought this much less${profit ? ', in revenue too' : ''}`,
    },
  ];
  const drewRevenue = revenue.lines.find((l) => l.label === PRICE_LABEL)?.steps ?? 0;
  const drew = money.lines.find((l) => l.label === PRICE_LABEL)?.steps ?? 0;
  if (drew !== 0 || drewRevenue !== 0) {
    const alsoRevenue =
      profit && drewRevenue !== 0 ? `; ${revenue.watched.change(drewRevenue)} revenue` : '';
    rows.push({
      steps: drew,
      amount: money.watched.change(drew),
      label: `${profit ? 'profit' : 'revenue'} from the customer the price ${under ? 'drew' : 'drove away'} this quarter (“${PRICE_LABEL}” above${alsoRevenue})`,
    });
  }
  return {
    lead: `stood ${percent}% ${under ? 'under' : 'over'} list this quarter`,
    rows,
    givenAway,
  };
}
