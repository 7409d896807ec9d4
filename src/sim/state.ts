import type { WhyPart } from './attribution.ts';
import type { RngState } from './rng.ts';
import type { EffectSet, MemberEffect } from './types.ts';

export interface MemberState {
  id: string;
  name: string;
  kind: 'rep' | 'product';
  skill: number;
  effort: number;
  morale: number;
  /** degrees off the line to the customer, before any forced alignment */
  angle: number;
  /** the departments this member has a contact in, as bits (contacts.ts) */
  contacts: number;
  present: boolean;
}

export interface CompetitorState {
  id: string;
  name: string;
  strength: number;
  alignment: number;
}

/** What moved a number, by how much, and which decision or event did it. */
export interface Cause {
  metric: string;
  delta: number;
  source: 'choice' | 'style' | 'later' | 'event' | 'market';
  /** choice id, style name or event id */
  ref: string;
  /** the quarter in which the deciding choice or event happened */
  origin: number;
  note?: string;
}

export interface Forces {
  /** our team's pull after trust's friction */
  us: number;
  them: number;
  outside: number;
  /** habit stiffness: how hard the status quo holds */
  habit: number;
  /** where the pulls would settle the customer */
  target: number;
}

export interface Metrics {
  share: number;
  revenue: number;
  growthQoQ: number;
  /** against the same quarter a year before, or against the start in the first year */
  growthYoY: number;
  plan: number;
  attainment: number;
  morale: number;
  earnings: number;
  brand: number;
  trust: number;
  alignment: number;
  breadth: number;
  autonomy: number;
  position: number;
  home: number;
  /**
   * Share a year on if no further decision were taken: forced alignment relaxed, effects
   * still pending counted, the customer drifting towards where the pulls then settle it.
   * The score weighs it beside the final share, so a last-quarter grab does not pay.
   */
  outlook: number;
  /** gross margin minus cost to serve this quarter, in thousands (see money.ts) */
  profit: number;
}

/**
 * A quarter's figure by its name, every name written out: reading m[key] with a key that
 * changes from call to call is a slow lookup, and the census reads figures by name a
 * million times (event conditions, rubric terms).
 */
/** The mean of one figure over the people still on the team; 0 when nobody is left. */
export function teamAverage(state: SimState, key: 'morale' | 'effort' | 'skill'): number {
  let sum = 0;
  let n = 0;
  for (const m of state.members) {
    if (!m.present) continue;
    sum += m[key];
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** The figures quarter `quarter` (1-based) opened with: the start's, or the quarter before's. */
export function metricsBefore(state: SimState, quarter: number): Metrics {
  return quarter <= 1 ? state.start : (state.history[quarter - 2]?.metrics ?? state.start);
}

export function metricByName(m: Metrics, key: keyof Metrics): number {
  switch (key) {
    case 'share':
      return m.share;
    case 'revenue':
      return m.revenue;
    case 'growthQoQ':
      return m.growthQoQ;
    case 'growthYoY':
      return m.growthYoY;
    case 'plan':
      return m.plan;
    case 'attainment':
      return m.attainment;
    case 'morale':
      return m.morale;
    case 'earnings':
      return m.earnings;
    case 'brand':
      return m.brand;
    case 'trust':
      return m.trust;
    case 'alignment':
      return m.alignment;
    case 'breadth':
      return m.breadth;
    case 'autonomy':
      return m.autonomy;
    case 'position':
      return m.position;
    case 'home':
      return m.home;
    case 'outlook':
      return m.outlook;
    case 'profit':
      return m.profit;
  }
}

export interface QuarterReport {
  quarter: number;
  situationId: string;
  choiceId: string;
  style: string;
  events: string[];
  causes: Cause[];
  forces: Forces;
  metrics: Metrics;
  /** each figure's change split by what caused it, adding up exactly (attribution.ts); only where causes are recorded */
  why?: WhyPart[];
}

export interface PendingEffect {
  due: number;
  effects: EffectSet;
  members?: Record<string, MemberEffect>;
  cause: Omit<Cause, 'metric' | 'delta'>;
}

export interface SimState {
  scenarioId: string;
  seed: string;
  /** the id of the starting situation this market was dealt (market.ts); null without variants */
  market: string | null;
  /** quarters played so far */
  quarter: number;
  /** the situation waiting for a decision; null once the game is over */
  situationId: string | null;
  rng: RngState;
  members: MemberState[];
  competitors: CompetitorState[];
  trust: number;
  position: number;
  home: number;
  /** the departments where the company holds the contact, as bits (contacts.ts) */
  companyContacts: number;
  brand: number;
  autonomy: number;
  /** alignment imposed by a directive call; relaxes quarter by quarter */
  forced: number;
  /** degrees the fan springs open per unit of forced alignment that relaxes */
  rebound: number;
  marketSize: number;
  /** our price against list: 1 at list, 0.95 after a 5% discount */
  price: number;
  /** cost to serve as a share of revenue at list price (the leech segment's apart) */
  costToServe: number;
  /** share of the leech segment we still serve, 0..1 (0 when the scenario has none) */
  leech: number;
  plan: number;
  outside: number;
  pending: PendingEffect[];
  firedEvents: string[];
  /** metrics at the start (quarter 0), then one report per quarter played */
  start: Metrics;
  history: QuarterReport[];
  choices: string[];
}
