import {
  census,
  type Grade,
  gradeOf,
  percentile,
  type ScenarioDef,
  type SimState,
  type StrategyCensus,
  score,
} from '../sim/index.ts';

export { fairGrade } from '../sim/index.ts';

// The grade HR and the LMS both see, decided by the scenario's rubric (src/sim/grade.ts):
// by default the percentile of the game's score among every strategy on the same market.
// One function, so the score an LMS records is the one HR's verifier recomputes.

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
