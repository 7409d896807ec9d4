import { toCsv } from '../../lib/csv.ts';
import type { CohortRow, CohortStatus, CohortView } from '../../room/assignments.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { type AssignmentRow, asHr, isPastDue, publicAssignment } from './rows.ts';

// HR's view of an assignment: every trainee, listed or enrolled, with where they stand
// and their best graded attempt, as the server graded it. Read afresh on every request,
// so a refresh is live.

interface TraineeSummary {
  id: string;
  name: string;
  used: number;
  open: boolean;
  best_number: number | null;
  best_fair: number | null;
  best_score: number | null;
  any_passed: boolean;
  last_at: Date | null;
}

const SUMMARY_SQL = `
  SELECT t.id, t.name,
    (SELECT count(*)::int FROM attempts a WHERE a.trainee_id = t.id) AS used,
    EXISTS (SELECT 1 FROM attempts a WHERE a.trainee_id = t.id AND a.finished_at IS NULL) AS open,
    b.number AS best_number, b.fair_score AS best_fair, b.score AS best_score,
    coalesce(b.passed, false) AS any_passed,
    (SELECT max(x) FROM (
       SELECT max(a.started_at) AS x FROM attempts a WHERE a.trainee_id = t.id
       UNION ALL SELECT max(d.decided_at) FROM attempt_decisions d WHERE d.trainee_id = t.id) m
    ) AS last_at
  FROM trainees t
  LEFT JOIN LATERAL (
    SELECT a.number, a.fair_score, a.score, a.passed FROM attempts a
    WHERE a.trainee_id = t.id AND a.finished_at IS NOT NULL
    ORDER BY a.fair_score DESC, a.score DESC, a.number LIMIT 1) b ON true
  WHERE t.assignment_id = $1
  ORDER BY t.created_at, t.name`;

function statusOf(a: AssignmentRow, t: TraineeSummary): CohortStatus {
  if (t.open && !isPastDue(a)) return 'in progress';
  if (t.best_number !== null) {
    if (!t.any_passed && t.used >= a.attempts) return 'over attempts';
    return 'submitted';
  }
  if (isPastDue(a)) return 'late';
  return t.used > 0 ? 'in progress' : 'not started';
}

export async function cohortView(db: Database, id: string, who: Credentials): Promise<CohortView> {
  return cohortOf(db, await asHr(db, id, who));
}

/** The cohort of an assignment whose reader is known to be HR (the admin secret, or an LMS instructor's launch). */
export async function cohortOf(db: Queryable, a: AssignmentRow): Promise<CohortView> {
  const rows = await db.query<TraineeSummary>(SUMMARY_SQL, [a.id]);
  const trainees: CohortRow[] = rows.map((t) => ({
    trainee: t.name,
    status: statusOf(a, t),
    attemptsUsed: t.used,
    bestAttempt: t.best_number,
    fairScore: t.best_fair,
    score: t.best_score,
    passed: t.any_passed,
    lastActivity: t.last_at ? t.last_at.toISOString() : null,
  }));
  return { assignment: publicAssignment(a), trainees };
}

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
  ];
  const a = view.assignment;
  const rows = view.trainees.map((t) => [
    t.trainee,
    t.status,
    t.passed ? 'yes' : 'no',
    t.fairScore,
    t.score,
    t.bestAttempt,
    t.attemptsUsed,
    a.attempts,
    a.passMark,
    a.due ?? '',
    t.lastActivity ?? '',
  ]);
  return toCsv(header, rows);
}

/** The signed result of a trainee's attempt, for HR to download and keep. */
export async function resultForHr(
  db: Database,
  id: string,
  who: Credentials,
  trainee: string,
  n: number,
): Promise<Record<string, unknown>> {
  const a = await asHr(db, id, who);
  const [row] = await db.query<{ result: Record<string, unknown> | null }>(
    `SELECT a.result FROM attempts a JOIN trainees t ON t.id = a.trainee_id
     WHERE t.assignment_id = $1 AND t.name = $2 AND a.number = $3`,
    [a.id, trainee, n],
  );
  if (!row) throw new RoomError('no_attempt', `"${trainee}" has no attempt ${n}`);
  if (row.result === null)
    throw new RoomError('not_released', `attempt ${n} of "${trainee}" is not finished yet`);
  return row.result;
}
