import { marketShort } from '../lib/market-number.ts';
import type { CohortAttempt, CohortRow } from './assignments.ts';

// A trainee's attempts as HR reads them, in one wording for the cohort table and its CSV:
// which attempt a row's figures (fair score, score, passed) come from, the market of that
// attempt, and what each attempt came to.

/** The attempt the row's fair score, score and passed are from: the best finished one. */
export const bestAttemptOf = (r: CohortRow): CohortAttempt | null =>
  r.attempts.find((a) => a.number === r.bestAttempt) ?? null;

/**
 * The market the row names: the best attempt's, beside its figures; before one finished,
 * the latest attempt's (the one under way).
 */
export function rowMarket(r: CohortRow): { seed: string; of: string } | null {
  const best = bestAttemptOf(r);
  if (best) return { seed: best.seed, of: `attempt ${best.number}, the best` };
  return r.latestSeed === null ? null : { seed: r.latestSeed, of: 'the latest attempt' };
}

/** What an attempt came to: "fair score 52, score 40, not passed", "under way", or void. */
export function attemptOutcome(a: CohortAttempt): string {
  if (a.voided !== null) return 'closed without a grade: it does not count';
  if (!a.finished || a.fairScore === null) return 'under way';
  return `fair score ${a.fairScore}, score ${a.score ?? '?'}, ${a.passed ? 'passed' : 'not passed'}`;
}

/** "Attempt 2 · market #…wVCl · fair score 52, score 40, not passed" */
export const attemptLine = (a: CohortAttempt): string =>
  `Attempt ${a.number} · market ${marketShort(a.seed)} · ${attemptOutcome(a)}`;
