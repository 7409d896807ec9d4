import { fairGrade } from '../../hr/fair.ts';
import type { RubricDef } from '../../sim/index.ts';

// Pass or fail by the scenario's rubric: on the percentile among every strategy of the
// same market (rounded as HR's verifier rounds it), on the raw score, or on both. Until
// the percentile is known a verdict that needs it is pending, never guessed.

export interface Verdict {
  /** null while the percentile it needs is still being computed (or could not be) */
  passed: boolean | null;
  text: string;
}

export function verdict(
  grading: RubricDef['grading'],
  passMark: number,
  raw: number,
  percentile: number | null,
): Verdict {
  const rawOk = raw >= passMark;
  if (grading === 'raw') {
    return {
      passed: rawOk,
      text: rawOk
        ? `✓ Passed: your score of ${raw} reaches the pass mark of ${passMark}.`
        : `✗ Not passed yet: your score of ${raw} is below the pass mark of ${passMark}.`,
    };
  }
  if (percentile === null) {
    return {
      passed: null,
      text: `Pass or fail waits for the fair score: the pass mark is ${passMark}, on ${grading === 'both' ? 'both the score and the percentile' : 'the percentile'}.`,
    };
  }
  const grade = fairGrade(percentile);
  const pctOk = grade >= passMark;
  if (grading === 'percentile') {
    return {
      passed: pctOk,
      text: pctOk
        ? `✓ Passed: your fair score of ${grade} reaches the pass mark of ${passMark}.`
        : `✗ Not passed yet: your fair score of ${grade} is below the pass mark of ${passMark}.`,
    };
  }
  const passed = rawOk && pctOk;
  const parts = `score ${raw} ${rawOk ? 'reaches' : 'is below'} it, fair score ${grade} ${pctOk ? 'reaches' : 'is below'} it`;
  return {
    passed,
    text: passed
      ? `✓ Passed: the pass mark is ${passMark} on both counts (${parts}).`
      : `✗ Not passed yet: the pass mark is ${passMark} on both counts (${parts}).`,
  };
}
