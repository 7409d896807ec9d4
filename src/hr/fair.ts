import { census, percentile, type ScenarioDef, type SimState, score } from '../sim/index.ts';

// The grade HR and the LMS both see: the percentile of the game's score among every
// strategy on the same market, rounded to a whole number. One function, so the score an
// LMS records is the one HR's verifier recomputes from the record.

export const fairGrade = (pct: number): number => Math.round(pct);

export function fairScoreOf(
  scenario: ScenarioDef,
  state: SimState,
): { score: number; percentile: number; grade: number } {
  const raw = score(scenario.rubric, state);
  const pct = percentile(census(scenario, state.seed), raw);
  return { score: raw, percentile: pct, grade: fairGrade(pct) };
}
