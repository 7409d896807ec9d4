import {
  fairGrade,
  gradeOf,
  type Outcome,
  type RubricDef,
  type ScenarioDef,
} from '../../sim/index.ts';
import type { Stakes } from '../../store/stakes.ts';

// Pass or fail by the scenario's rubric, decided by the one grade function the LMS and
// HR's verifier use (src/sim/grade.ts), and said in words. Until the percentile is known
// a verdict that needs it is pending, never guessed from the raw score. The head of the
// debrief tells one story: the verdict and the figure that decides it first, the score
// beneath it as the secondary figure, and a band of the scenario's words that follows the
// same figure, so a failed year is never praised.

export interface Verdict {
  /** null while the percentile it needs is still being computed (or could not be) */
  passed: boolean | null;
  text: string;
}

/**
 * `stakes` (src/store/stakes.ts): a graded game's fail is "not passed yet" while a try
 * that counts is still possible (an assessment with an attempt left before its due date:
 * src/store/attempts-left.ts), and plainly "not passed" once nothing can change it. A
 * practice game is graded by nobody: its verdict is feedback, the figure against the mark
 * a graded game would need, and a low score reads as where to improve, not a failed test.
 */
export function verdict(
  rubric: RubricDef,
  passMark: number,
  raw: number,
  percentile: number | null,
  stakes: Stakes = 'graded',
): Verdict {
  const basis = rubric.grading;
  const both = basis === 'both';
  if (basis !== 'raw' && percentile === null) {
    return {
      passed: null,
      text:
        stakes === 'practice'
          ? `Your fair score is being worked out: a graded game would need ${passMark}${both ? ' on your score and your fair score alike' : ''}.`
          : `Pass or fail waits for your fair score: the pass mark is ${passMark}${both ? ', for your score and your fair score alike' : ''}.`,
    };
  }
  const { passed } = gradeOf(rubric, raw, percentile, passMark);
  const fair = fairGrade(percentile ?? 0);
  if (stakes === 'practice')
    return { passed, text: practiceText(basis, passMark, raw, fair, passed) };
  const head = passed ? '✓ Passed' : stakes === 'graded' ? '✗ Not passed yet' : '✗ Not passed';
  if (basis === 'raw') {
    return {
      passed,
      text: `${head}: your score is ${raw}, and the pass mark is ${passMark}.`,
    };
  }
  if (basis === 'percentile') {
    return {
      passed,
      text: `${head}: your fair score is ${fair}, and the pass mark is ${passMark}.`,
    };
  }
  const parts = `score ${raw} ${raw >= passMark ? 'reaches' : 'is below'} it, fair score ${fair} ${fair >= passMark ? 'reaches' : 'is below'} it`;
  return {
    passed,
    text: `${head}: the pass mark is ${passMark} on both counts (${parts}).`,
  };
}

/** A practice game's verdict: the deciding figure out of 100, against a graded game's mark. */
function practiceText(
  basis: RubricDef['grading'],
  passMark: number,
  raw: number,
  fair: number,
  passed: boolean,
): string {
  const mark = passed
    ? `at or above the ${passMark} a graded game needs`
    : `below the ${passMark} a graded game would need`;
  if (basis === 'raw') return `${passed ? '✓ ' : ''}Score ${raw} of 100: ${mark}.`;
  if (basis === 'percentile') return `${passed ? '✓ ' : ''}Fair score ${fair} of 100: ${mark}.`;
  return passed
    ? `✓ Score ${raw} and fair score ${fair} of 100: both at or above the ${passMark} a graded game needs.`
    : `Score ${raw} and fair score ${fair} of 100: a graded game would need ${passMark} on both.`;
}

/** An outcome as the score's line names it, in a word or two. */
const OUTCOME_WORDS: Record<Outcome, string> = {
  share: 'market share',
  growth: 'growth',
  attainment: 'plan attainment',
  morale: 'morale',
  trust: 'trust',
  brand: 'brand',
  earnings: "reps' earnings",
  alignment: 'alignment',
  profit: 'profit',
};

/**
 * What the score counts and what it decides, after "Your year's score: 48 / 100": the
 * outcomes the rubric weighs most, and whether the pass reads it (in a practice game,
 * which nobody grades, whether a grade would).
 */
export function scoreNote(rubric: RubricDef, stakes: Stakes = 'graded'): string {
  const weighed = (Object.entries(rubric.weights) as [Outcome, number | undefined][])
    .filter(([, w]) => (w ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([o]) => OUTCOME_WORDS[o]);
  const list = `${weighed.slice(0, 3).join(', ')}${weighed.length > 3 ? ' and more' : ''}`;
  const what = `${list}, as this scenario weighs them`;
  const practice = stakes === 'practice';
  if (rubric.grading === 'raw')
    return `${what}. ${practice ? 'It is what a grade would read.' : 'It decides the pass.'}`;
  if (rubric.grading === 'both')
    return `${what}. A ${practice ? 'graded game would need' : 'pass needs'} it and the fair score both at the pass mark.`;
  // kept to two lines on a desktop, so the lessons below still start on the first screen
  return `${list}, your market's luck included: the fair score ${practice ? 'is what a grade would read' : 'decides the pass'}.`;
}

/**
 * The scenario's band for this result: by the figure that decides the pass (the fair score
 * unless the rubric grades on the score), in words that agree with the verdict. The
 * scenario wrote its bands around its own pass mark (a band from that mark up speaks of a
 * pass, one below it of a year that did not pass), while an assessment may set another:
 * a year that did not pass gets a band from below both marks, and one that passed a band
 * from the scenario's mark up (the lowest of them where it passed under a lower mark).
 * Null while the verdict waits for the fair score.
 */
export function bandFor(
  scenario: ScenarioDef,
  passMark: number,
  raw: number,
  percentile: number | null,
): string | null {
  if (scenario.rubric.grading !== 'raw' && percentile === null) return null;
  const { grade, passed } = gradeOf(scenario.rubric, raw, percentile, passMark);
  const ownMark = scenario.rubric.passMark;
  const fitting = (scenario.debrief.bands ?? [])
    .filter((b) => (passed ? b.min >= ownMark : b.min < Math.min(passMark, ownMark)))
    .sort((a, b) => b.min - a.min);
  const band = fitting.find((b) => grade >= b.min) ?? (passed ? fitting.at(-1) : undefined);
  return band?.text ?? null;
}
