import { type Grade, gradeOf } from './grade.ts';
import { score } from './score.ts';
import type { SimState } from './state.ts';
import { census, percentile } from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// A finished game's grade, with its market's census worked out here: the one function the
// LMS package, HR's pages and the server's assessed attempts all grade with, so the grade
// the server signs is the one HR's verifier recomputes.

export function fairScoreOf(scenario: ScenarioDef, state: SimState, passMark?: number): Grade {
  const raw = score(scenario.rubric, state);
  return gradeOf(scenario.rubric, raw, percentile(census(scenario, state.seed), raw), passMark);
}
