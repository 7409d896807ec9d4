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
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  share: 'final market share',
  growth: 'yearly revenue growth',
  attainment: 'average plan attainment',
  morale: 'final team morale',
  trust: "the customer's final trust",
  brand: 'final brand strength',
  earnings: "reps' earnings against the start",
  alignment: 'average team alignment',
};

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Outcomes of a finished (or partly played) game. */
export function outcomes(state: SimState): Outcomes {
  const played: Metrics[] = state.history.map((h) => h.metrics);
  const last = played.at(-1) ?? state.start;
  const years = Math.max(played.length, 1) / 4;
  const ratio = state.start.revenue > 0 ? last.revenue / state.start.revenue : 1;
  return {
    share: last.share,
    growth: q(ratio > 0 ? ratio ** (1 / years) - 1 : -1),
    attainment: q(mean(played.map((m) => m.attainment))),
    morale: last.morale,
    trust: last.trust,
    brand: last.brand,
    earnings: state.start.earnings > 0 ? q(last.earnings / state.start.earnings) : 0,
    alignment: q(mean(played.map((m) => m.alignment))),
  };
}

export function normalise(outcome: Outcome, value: number): number {
  const [lo, hi] = OUTCOME_RANGES[outcome];
  return q(clamp01((value - lo) / (hi - lo)));
}

export function scoreOf(rubric: RubricDef, o: Outcomes): number {
  let total = 0;
  for (const [key, weight] of Object.entries(rubric.weights) as [Outcome, number][]) {
    total += weight * normalise(key, o[key]);
  }
  return Math.round(q(total) * 100);
}

export function score(rubric: RubricDef, state: SimState): number {
  return scoreOf(rubric, outcomes(state));
}
