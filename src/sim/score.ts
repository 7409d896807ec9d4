import { clamp01, q } from './fixed.ts';
import type { Metrics, SimState } from './state.ts';
import type { Outcome, RubricDef } from './types.ts';

// Each outcome is put on a 0..1 scale over a range a sales manager would recognise, the
// rubric weighs them, and the score is a whole number 0..100: a grade that prints the
// same everywhere.

export type Outcomes = Record<Outcome, number>;

/** Normalising ranges: [value that earns 0, value that earns 1]. */
export const OUTCOME_RANGES: Record<Outcome, readonly [number, number]> = {
  share: [0.1, 0.8],
  growth: [-0.15, 0.25],
  attainment: [0.7, 1.2],
  morale: [0.2, 1],
  trust: [0, 1],
  brand: [0, 0.8],
  earnings: [0.6, 1.6],
  alignment: [0.3, 1],
  profit: [0, 0.3],
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  share: "final market share and next year's outlook",
  growth: 'yearly revenue growth',
  attainment: 'average plan attainment',
  morale: 'final team morale',
  trust: "the customer's final trust",
  brand: 'final brand strength',
  earnings: "reps' earnings against the start",
  alignment: 'average team alignment',
  profit: "profit per quarter against the starting revenue, over the game and next year's outlook",
};

const OUTCOME_KEYS = Object.keys(OUTCOME_RANGES) as Outcome[];

/** Outcomes of a finished (or partly played) game. */
export function outcomes(state: SimState): Outcomes {
  outcomesInto(basisOf(state, basis), EVERY_TERM);
  const out = {} as Outcomes;
  for (let i = 0; i < EVERY_TERM.length; i++) out[EVERY_TERM[i]!.key] = values[i]!;
  return out;
}

/**
 * What a score reads of a game: its start, its last quarter's figures, how many quarters
 * were played and the sums of three figures over them. The census carries the sums down
 * its walk of the tree (a parent's sums plus the quarter just played) rather than adding
 * every quarter again at each of its thousands of ends; either way they are added in the
 * quarters' order, so the sums, and the scores, are the same to the bit.
 */
export interface ScoreBasis {
  start: Metrics;
  /** the last quarter's figures, or the start's before any quarter */
  last: Metrics;
  played: number;
  /** sums over the quarters played, first to last */
  attainment: number;
  alignment: number;
  profit: number;
}

/** An empty basis, to be filled by basisOf or by a walk that carries the sums. */
export function newBasis(start: Metrics): ScoreBasis {
  return { start, last: start, played: 0, attainment: 0, alignment: 0, profit: 0 };
}

/** `out` filled with what a score reads of `state`. */
export function basisOf(state: SimState, out: ScoreBasis): ScoreBasis {
  const history = state.history;
  const played = history.length;
  let attainment = 0;
  let alignment = 0;
  let profit = 0;
  for (let i = 0; i < played; i++) {
    const m = history[i]!.metrics;
    attainment += m.attainment;
    alignment += m.alignment;
    profit += m.profit;
  }
  out.start = state.start;
  out.last = played > 0 ? history[played - 1]!.metrics : state.start;
  out.played = played;
  out.attainment = attainment;
  out.alignment = alignment;
  out.profit = profit;
  return out;
}

// the basis a score of a whole state is read through: one object, reused, allocates nothing
const basis: ScoreBasis = newBasis({} as Metrics);

// The census scores a million games. A number returned by a function the engine does not
// inline comes back in a fresh heap box, so the outcomes are written here instead, which
// allocates nothing: values[i] is the outcome of a list's term i (outcomesInto).
const values = new Float64Array(OUTCOME_KEYS.length);

/**
 * Each term's outcome of the game `b` describes, into values[i] for terms[i], all in one
 * call: a call per term (the engine did not inline it) cost about 2% of the census's
 * instructions. A term's weight and range are not read here.
 */
function outcomesInto(b: ScoreBasis, terms: readonly Term[]): void {
  const last = b.last;
  const played = b.played;
  const start = b.start;
  for (let i = 0; i < terms.length; i++) {
    switch (terms[i]!.key) {
      case 'share':
        // where the customer ended, and where it is heading next year (Metrics.outlook)
        values[i] = (last.share + last.outlook) / 2;
        break;
      case 'morale':
        values[i] = last.morale;
        break;
      case 'trust':
        values[i] = last.trust;
        break;
      case 'brand':
        values[i] = last.brand;
        break;
      case 'growth': {
        const years = Math.max(played, 1) / 4;
        // the final quarter's revenue and next year's outlook alike, so that a last-quarter
        // push whose bill comes after the end does not count as growth
        const ending =
          (last.revenue * (last.share + last.outlook)) / 2 / Math.max(last.share, 1e-9);
        const ratio = start.revenue > 0 ? ending / start.revenue : 1;
        values[i] = q(ratio > 0 ? ratio ** (1 / years) - 1 : -1);
        break;
      }
      case 'attainment':
        values[i] = played === 0 ? 0 : b.attainment / played;
        break;
      case 'earnings':
        values[i] = start.earnings > 0 ? last.earnings / start.earnings : 0;
        break;
      case 'alignment':
        values[i] = played === 0 ? 0 : b.alignment / played;
        break;
      case 'profit': {
        // every quarter's profit, and next year's at the outlook's share (profit follows
        // share at today's price and costs), so a discount's bill after the end still counts
        const mean = played === 0 ? last.profit : b.profit / played;
        const ahead = (last.profit * last.outlook) / Math.max(last.share, 1e-9);
        const base = start.revenue;
        values[i] = base > 0 ? (mean + ahead) / 2 / base : 0;
        break;
      }
    }
  }
}

export function normalise(outcome: Outcome, value: number): number {
  const [lo, hi] = OUTCOME_RANGES[outcome];
  return scaled(value, lo, hi - lo);
}

/** A value on 0..1 over the range that starts at lo and spans span. */
function scaled(value: number, lo: number, span: number): number {
  return clamp01((value - lo) / span);
}

// a rubric's terms (outcome, weight and range), listed once per rubric object rather than
// looked up at every one of the census's million scores
export interface Term {
  key: Outcome;
  weight: number;
  lo: number;
  span: number;
}
const termLists = new WeakMap<RubricDef, Term[]>();

export function termsOf(rubric: RubricDef): Term[] {
  let list = termLists.get(rubric);
  if (!list) {
    list = (Object.entries(rubric.weights) as [Outcome, number][]).map(([key, weight]) => {
      const [lo, hi] = OUTCOME_RANGES[key];
      return { key, weight, lo, span: hi - lo };
    });
    termLists.set(rubric, list);
  }
  return list;
}

/** Every outcome as a term, in OUTCOME_KEYS' order: what outcomes() works out. */
const EVERY_TERM: readonly Term[] = OUTCOME_KEYS.map((key) => {
  const [lo, hi] = OUTCOME_RANGES[key];
  return { key, weight: 1, lo, span: hi - lo };
});

export function score(rubric: RubricDef, state: SimState): number {
  return scoreByTerms(termsOf(rubric), state);
}

/** score() with the rubric's terms already listed (see prepared.ts). */
export function scoreByTerms(terms: readonly Term[], state: SimState): number {
  return scoreOfBasis(terms, basisOf(state, basis));
}

/** scoreByTerms() of the game `b` describes (see ScoreBasis). */
export function scoreOfBasis(terms: readonly Term[], b: ScoreBasis): number {
  return Math.round(weighted(terms, b) * 100);
}

/**
 * The score before it is rounded to a whole number, 0..100: the balance gates compare
 * replies that may differ by less than a point, and a rounded score would call them equal.
 */
export function rawScoreByTerms(terms: readonly Term[], state: SimState): number {
  return rawScoreOfBasis(terms, basisOf(state, basis));
}

/** rawScoreByTerms() of the game `b` describes. */
export function rawScoreOfBasis(terms: readonly Term[], b: ScoreBasis): number {
  return q(weighted(terms, b) * 100);
}

function weighted(terms: readonly Term[], b: ScoreBasis): number {
  outcomesInto(b, terms);
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    total += t.weight * scaled(values[i]!, t.lo, t.span);
  }
  return total;
}
