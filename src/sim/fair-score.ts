import { type Grade, gradeOf } from './grade.ts';
import { score } from './score.ts';
import type { SimState } from './state.ts';
import { census, percentile, type StrategyCensus } from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// A finished game's grade: the one function the LMS package, HR's pages and the server's
// assessed attempts all grade with, so the grade the server signs is the one HR's verifier
// recomputes.

/** The grade, with the market's census worked out here. */
export function fairScoreOf(scenario: ScenarioDef, state: SimState, passMark?: number): Grade {
  return gradeIn(census(scenario, state.seed), scenario, state, passMark);
}

/** The same grade, from the market's census worked out elsewhere (the census worker). */
export function gradeIn(
  marketCensus: StrategyCensus,
  scenario: ScenarioDef,
  state: SimState,
  passMark?: number,
): Grade {
  const raw = score(scenario.rubric, state);
  return gradeOf(scenario.rubric, raw, percentile(marketCensus, raw), passMark);
}
