import { toCsv } from '../lib/csv.ts';
import type { Graded } from './grade.ts';

// One row per trainee and assignment: the best genuine attempt, and every attempt in
// order, so HR can see a pass on the third try as well as the pass.

export interface CohortRow {
  trainee: string;
  session: string;
  scenario: string;
  best: Graded;
  attempts: Graded[];
  /** records for this trainee that were not genuine */
  rejected: number;
}

export function cohort(graded: readonly Graded[]): CohortRow[] {
  const rows = new Map<string, CohortRow>();
  const rejected = new Map<string, number>();
  for (const g of graded) {
    const key = `${g.session}\u0000${g.trainee}`;
    if (!g.genuine) {
      if (g.trainee !== '') rejected.set(key, (rejected.get(key) ?? 0) + 1);
      continue;
    }
    if (g.duplicate) continue;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, {
        trainee: g.trainee,
        session: g.session,
        scenario: g.scenario,
        best: g,
        attempts: [g],
        rejected: 0,
      });
      continue;
    }
    row.attempts.push(g);
    if ((g.grade ?? -1) > (row.best.grade ?? -1)) row.best = g;
  }
  const out = [...rows.values()];
  for (const row of out) {
    row.attempts.sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0));
    row.rejected = rejected.get(`${row.session}\u0000${row.trainee}`) ?? 0;
  }
  return out.sort(
    (a, b) => a.session.localeCompare(b.session) || a.trainee.localeCompare(b.trainee),
  );
}

const attemptText = (g: Graded) =>
  `#${g.attempt ?? '?'}: ${g.grade}% (score ${g.score}, ${g.passed ? 'pass' : 'fail'})`;

export function cohortCsv(rows: readonly CohortRow[]): string {
  return toCsv(
    [
      'trainee',
      'assignment',
      'scenario',
      'best_fair_score',
      'best_score',
      'best_attempt',
      'passed',
      'pass_mark',
      'attempts_submitted',
      'all_attempts',
      'not_genuine_submitted',
    ],
    rows.map((r) => [
      r.trainee,
      r.session,
      r.scenario,
      r.best.grade,
      r.best.score,
      r.best.attempt ?? '',
      r.best.passed ? 'yes' : 'no',
      r.best.passMark,
      r.attempts.length,
      r.attempts.map(attemptText).join('; '),
      r.rejected,
    ]),
  );
}
