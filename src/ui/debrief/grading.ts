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
 * practice game and a workshop link's game are graded by nobody: their verdict is feedback,
 * the figure against the mark a graded game would need (practice) or the scenario's pass
 * mark (a workshop), and a low score reads as where to improve, not a failed test.
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
    const alike = ', for your score and your fair score alike';
    return {
      passed: null,
      text:
        stakes === 'practice'
          ? `Your fair score is being worked out: a graded game would need ${passMark}${both ? ' on your score and your fair score alike' : ''}.`
          : stakes === 'workshop'
            ? `Your fair score is being worked out: the scenario's pass mark is ${passMark}${both ? alike : ''}.`
            : `Pass or fail waits for your fair score: the pass mark is ${passMark}${both ? alike : ''}.`,
    };
  }
  const { passed } = gradeOf(rubric, raw, percentile, passMark);
  const fair = fairGrade(percentile ?? 0);
  if (stakes === 'practice' || stakes === 'workshop')
    return {
      passed,
      text: feedbackText(basis, raw, fair, passed, FEEDBACK_MARK[stakes](passMark)),
    };
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

/** How a feedback verdict names the mark it is read against. */
interface MarkWords {
  reached: string;
  below: string;
  /** for a rubric that grades on both figures */
  bothReached: string;
  bothBelow: string;
}

const FEEDBACK_MARK: Record<'practice' | 'workshop', (passMark: number) => MarkWords> = {
  // nobody set a mark for practice: the one a graded game of this scenario needs
  practice: (m) => ({
    reached: `at or above the ${m} a graded game needs`,
    below: `below the ${m} a graded game would need`,
    bothReached: `both at or above the ${m} a graded game needs`,
    bothBelow: `a graded game would need ${m} on both`,
  }),
  // a workshop link carries no mark of its own: the scenario's is the one the room discusses
  workshop: (m) => ({
    reached: `at or above the scenario's pass mark of ${m}`,
    below: `below the scenario's pass mark of ${m}`,
    bothReached: `both at or above the scenario's pass mark of ${m}`,
    bothBelow: `the scenario's pass mark of ${m} asks for both`,
  }),
};

/** A verdict nobody grades: the deciding figure out of 100, against the mark in words. */
function feedbackText(
  basis: RubricDef['grading'],
  raw: number,
  fair: number,
  passed: boolean,
  words: MarkWords,
): string {
  const mark = passed ? words.reached : words.below;
  if (basis === 'raw') return `${passed ? '✓ ' : ''}Score ${raw} of 100: ${mark}.`;
  if (basis === 'percentile') return `${passed ? '✓ ' : ''}Fair score ${fair} of 100: ${mark}.`;
  return passed
    ? `✓ Score ${raw} and fair score ${fair} of 100: ${words.bothReached}.`
    : `Score ${raw} and fair score ${fair} of 100: ${words.bothBelow}.`;
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
 * What the score counts and what it decides, after "Your score: 48 / 100": the
 * outcomes the rubric weighs most, and whether the pass reads it (in a practice game,
 * which nobody grades, whether a grade would; in a workshop game, what the pass mark reads).
 */
export function scoreNote(rubric: RubricDef, stakes: Stakes = 'graded'): string {
  const weighed = (Object.entries(rubric.weights) as [Outcome, number | undefined][])
    .filter(([, w]) => (w ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([o]) => OUTCOME_WORDS[o]);
  const list = `${weighed.slice(0, 3).join(', ')}${weighed.length > 3 ? ' and more' : ''}`;
  const what = `${list}, as this scenario weighs them`;
  const practice = stakes === 'practice';
  // a workshop game is read against the scenario's pass mark, which decides nothing
  const workshop = stakes === 'workshop';
  if (rubric.grading === 'raw')
    return `${what}. ${practice ? 'It is what a grade would read.' : workshop ? 'It is what the pass mark reads.' : 'It decides the pass.'}`;
  if (rubric.grading === 'both')
    return workshop
      ? `${what}. The pass mark asks for it and the fair score both.`
      : `${what}. A ${practice ? 'graded game would need' : 'pass needs'} it and the fair score both at the pass mark.`;
  // kept to two lines on a desktop, so the lessons below still start on the first screen
  return `${list}, your market's luck included: the fair score ${practice ? 'is what a grade would read' : workshop ? 'is what the pass mark reads' : 'decides the pass'}.`;
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
