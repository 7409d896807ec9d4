import { toCsv } from '../lib/csv.ts';
import { marketShort } from '../lib/market-number.ts';
import type { CohortView } from './assignments.ts';
import { attemptLine, bestAttemptOf } from './cohort-attempts.ts';
import { statusWithCourse } from './lti.ts';

// The cohort as CSV, one row a trainee: written by the server (GET …/cohort.csv) and by
// HR's live page from the very rows it shows, so the file and the table always agree.
// The figures are the best attempt's (best_attempt, best_market); each_attempt lists every
// attempt with its market and result, "; " between them.

export function cohortCsv(view: CohortView): string {
  const header = [
    'trainee',
    'status',
    'passed',
    'fair_score',
    'score',
    'best_attempt',
    'attempts_used',
    'attempts_allowed',
    'pass_mark',
    'due',
    'last_activity',
    'quarters_decided',
    'latest_market',
    'latest_seed',
    'best_market',
    'best_seed',
    'each_attempt',
  ];
  const a = view.assignment;
  const rows = view.trainees.map((t) => {
    const best = bestAttemptOf(t);
    return [
      t.trainee,
      statusWithCourse(t.status, t.inCourse),
      t.passed ? 'yes' : 'no',
      t.fairScore,
      t.score,
      t.bestAttempt,
      t.attemptsUsed,
      a.attempts,
      a.passMark,
      a.due ?? '',
      t.lastActivity ?? '',
      t.quartersDecided,
      t.latestSeed === null ? '' : marketShort(t.latestSeed),
      t.latestSeed ?? '',
      best ? marketShort(best.seed) : '',
      best?.seed ?? '',
      t.attempts.map(attemptLine).join('; '),
    ];
  });
  return toCsv(header, rows);
}
