import { fairGrade, gradeOf, type RubricDef } from '../../sim/index.ts';

// Pass or fail by the scenario's rubric, decided by the one grade function the LMS and
// HR's verifier use (src/sim/grade.ts), and said in words. Until the percentile is known
// a verdict that needs it is pending, never guessed from the raw score.

export interface Verdict {
  /** null while the percentile it needs is still being computed (or could not be) */
  passed: boolean | null;
  text: string;
}

export function verdict(
  rubric: RubricDef,
  passMark: number,
  raw: number,
  percentile: number | null,
): Verdict {
  const basis = rubric.grading;
  if (basis !== 'raw' && percentile === null) {
    return {
      passed: null,
      text: `Pass or fail waits for the fair score: the pass mark is ${passMark}, on ${basis === 'both' ? 'both the score and the percentile' : 'the percentile'}.`,
    };
  }
  const { passed } = gradeOf(rubric, raw, percentile, passMark);
  const head = passed ? '✓ Passed' : '✗ Not passed yet';
  if (basis === 'raw') {
    return {
      passed,
      text: `${head}: your score is ${raw}, and the pass mark is ${passMark}.`,
    };
  }
  const fair = fairGrade(percentile ?? 0);
  if (basis === 'percentile') {
    // a trainee with a high score and a low fair score must not read a contradiction: the
    // line beneath says what the fair score is (where the result stands among every way
    // this market could have been played)
    return {
      passed,
      text: `${head}: fair score ${fair}, pass mark ${passMark} (the pass mark reads the fair score, not the score).`,
    };
  }
  const parts = `score ${raw} ${raw >= passMark ? 'reaches' : 'is below'} it, fair score ${fair} ${fair >= passMark ? 'reaches' : 'is below'} it`;
  return {
    passed,
    text: `${head}: the pass mark is ${passMark} on both counts (${parts}).`,
  };
}
