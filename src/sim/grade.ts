import type { RubricDef } from './types.ts';

// The one place a game's grade is decided, so the debrief, the LMS and HR's verifier
// can never disagree on pass or fail. The rubric says what the pass mark applies to:
// the percentile among every strategy on the same market (a lucky seed cannot decide
// it), the raw score, or both — then the lower of the two, so a pass needs both.

export type GradingBasis = RubricDef['grading'];

export interface Grade {
  basis: GradingBasis;
  raw: number;
  /** per cent of strategies on the same market that scored lower; null if not known */
  percentile: number | null;
  /** the number the pass mark applies to, 0..100 */
  grade: number;
  passed: boolean;
}

export const DEFAULT_GRADING: GradingBasis = 'percentile';

/**
 * The pass mark, as a fair score, that HR's forms, the verifier and a learning-system
 * package start from when nobody sets one. It sits above the 70th percentile that the
 * balance gates allow any fixed rule (always one style, collaborative unless in a crisis,
 * the first reply shown, one change of style: src/analysis/gates.ts), so on most markets
 * a player who reads labels rather than the situation does not pass.
 */
export const DEFAULT_PASS_MARK = 75;

/** The fair score: the percentile rounded to a whole number, as every grader rounds it. */
export const fairGrade = (percentile: number): number => Math.round(percentile);

/** `passMark` overrides the rubric's, for an assignment or LMS package that sets its own. */
export function gradeOf(
  rubric: RubricDef,
  raw: number,
  percentile: number | null,
  passMark: number = rubric.passMark,
): Grade {
  const basis = rubric.grading;
  const fair = percentile === null ? null : fairGrade(percentile);
  let grade: number;
  if (basis === 'raw' || fair === null) grade = raw;
  else if (basis === 'percentile') grade = fair;
  else grade = Math.min(raw, fair);
  return { basis, raw, percentile, grade, passed: grade >= passMark };
}

/**
 * A grade as the debrief names it, so a learning system's note and the debrief call one
 * figure by one name: the fair score, the score, or (graded on both) the lower of the two.
 */
export function gradeWords(basis: GradingBasis, grade: number): string {
  if (basis === 'raw') return `score ${grade}`;
  if (basis === 'both') return `${grade}, the lower of your score and your fair score`;
  return `fair score ${grade}`;
}
