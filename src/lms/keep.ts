import { type GradingBasis, gradeWords } from '../sim/index.ts';
import type { KeepPolicy } from './config.ts';
import type { RecordedResult } from './session.ts';

// Which finished game the LMS keeps. An LMS stores whatever it is sent last, so the
// package itself must not send a result that the package's setting says to keep out:
// with "first", nothing after the first result (from this session or an earlier one);
// with "best", only a game that beats the score the LMS holds.

export function shouldReport(
  keep: KeepPolicy,
  held: RecordedResult | null,
  game: { grade: number; passed: boolean },
) {
  if (held === null) return true;
  if (keep === 'first') return false;
  // a status without a score (set by hand in the LMS): never turn a pass into a fail
  if (held.score === null) return game.passed || !held.passed;
  return game.grade > held.score;
}

/**
 * What the learner is told when they reopen a package the LMS holds a result for, in the
 * debrief's words: the LMS holds the grade, which is the fair score unless the rubric
 * grades on the score. With "best", whether a better game can still replace it depends on
 * the attempts left (`left`: attempts that count not yet finished); past the last, every
 * game is practice, which is never sent.
 */
export function heldNotice(
  keep: KeepPolicy,
  held: RecordedResult,
  basis: GradingBasis,
  left: number,
): string {
  const result = `${held.passed ? 'passed' : 'not passed'}${held.score === null ? '' : `, ${gradeWords(basis, held.score)}`}`;
  if (keep === 'first')
    return `Your learning system already has your result (${result}). You may play again for practice; it keeps that first result.`;
  if (left <= 0)
    return `Your learning system has your best result (${result}), and you have no attempts left: any further game is practice and is not sent to it.`;
  return `Your learning system has your best result so far (${result}). ${left === 1 ? 'You have 1 attempt left' : `You have ${left} attempts left`}: a better game replaces it; a lower one changes nothing.`;
}
