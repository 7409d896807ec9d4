import { toCsv } from '../lib/csv.ts';
import { marketShort } from '../lib/market-number.ts';
import type { CohortView } from './assignments.ts';
import { statusWithCourse } from './lti.ts';

// The cohort as CSV, one row a trainee: written by the server (GET …/cohort.csv) and by
// HR's live page from the very rows it shows, so the file and the table always agree.

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
  ];
  const a = view.assignment;
  const rows = view.trainees.map((t) => [
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
  ]);
  return toCsv(header, rows);
}
