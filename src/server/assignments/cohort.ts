import type { CohortAttempt, CohortRow, CohortStatus, CohortView } from '../../room/assignments.ts';
import type { InCourse } from '../../room/lti.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { type AssignmentRow, asHr, isPastDue, publicAssignment } from './rows.ts';

// HR's view of an assignment: every trainee, listed or enrolled, with where they stand
// and their best graded attempt, as the server graded it, beside every attempt they started. Read afresh on every request
// and, for HR's live page, whenever the cohort changes (cohort-hub.ts).

interface TraineeSummary {
  id: string;
  name: string;
  used: number;
  open: boolean;
  decided: number;
  best_number: number | null;
  best_fair: number | null;
  best_score: number | null;
  any_passed: boolean;
  last_at: Date | null;
  latest_seed: string | null;
  attempt_list: CohortAttempt[];
  in_course: InCourse | null;
}

const SUMMARY_SQL = `
  SELECT t.id, t.name,
    (SELECT count(*)::int FROM attempts a WHERE a.trainee_id = t.id AND a.void_reason IS NULL) AS used,
    EXISTS (SELECT 1 FROM attempts a WHERE a.trainee_id = t.id AND a.finished_at IS NULL) AS open,
    (SELECT count(*)::int FROM attempt_decisions d JOIN attempts a
       ON a.trainee_id = d.trainee_id AND a.number = d.number
     WHERE d.trainee_id = t.id AND a.finished_at IS NULL) AS decided,
    b.number AS best_number, b.fair_score AS best_fair, b.score AS best_score,
    coalesce(b.passed, false) AS any_passed,
    (SELECT max(x) FROM (
       SELECT max(a.started_at) AS x FROM attempts a WHERE a.trainee_id = t.id
       UNION ALL SELECT max(d.decided_at) FROM attempt_decisions d WHERE d.trainee_id = t.id) m
    ) AS last_at,
    (SELECT a.seed FROM attempts a WHERE a.trainee_id = t.id AND a.void_reason IS NULL
     ORDER BY a.number DESC LIMIT 1) AS latest_seed,
    coalesce((SELECT json_agg(json_build_object('number', a.number, 'seed', a.seed,
       'finished', a.finished_at IS NOT NULL, 'score', a.score, 'fairScore', a.fair_score,
       'passed', a.passed, 'voided', a.void_reason) ORDER BY a.number)
     FROM attempts a WHERE a.trainee_id = t.id), '[]'::json) AS attempt_list,
    (SELECT l.in_course FROM lti_learners l WHERE l.trainee_id = t.id) AS in_course
  FROM trainees t
  LEFT JOIN LATERAL (
    SELECT a.number, a.fair_score, a.score, a.passed FROM attempts a
    WHERE a.trainee_id = t.id AND a.finished_at IS NOT NULL AND a.void_reason IS NULL
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

/**
 * Who may read an assignment's cohort, by every way it is read (the JSON, the CSV, the
 * live socket, the signed results): whoever holds the assignment's admin secret, or an
 * account signed in as HR or admin (asHr).
 */
export function cohortReader(q: Queryable, id: string, who: Credentials) {
  return asHr(q, id, who);
}

export async function cohortView(db: Database, id: string, who: Credentials): Promise<CohortView> {
  return cohortOf(db, await cohortReader(db, id, who));
}

/** The cohort of an assignment whose reader is known to be HR (the admin secret, or an LMS instructor's launch). */
export async function cohortOf(db: Queryable, a: AssignmentRow): Promise<CohortView> {
  const rows = await db.query<TraineeSummary>(SUMMARY_SQL, [a.id]);
  const trainees: CohortRow[] = rows.map((t) => ({
    trainee: t.name,
    status: statusOf(a, t),
    attemptsUsed: t.used,
    quartersDecided: t.open ? t.decided : null,
    bestAttempt: t.best_number,
    fairScore: t.best_fair,
    score: t.best_score,
    passed: t.any_passed,
    lastActivity: t.last_at ? t.last_at.toISOString() : null,
    latestSeed: t.latest_seed,
    attempts: t.attempt_list,
    ...(t.in_course ? { inCourse: t.in_course } : {}),
  }));
  return { assignment: publicAssignment(a), trainees };
}

/** The signed result of a trainee's attempt, for HR to download and keep. */
export async function resultForHr(
  db: Database,
  id: string,
  who: Credentials,
  trainee: string,
  n: number,
): Promise<Record<string, unknown>> {
  const a = await cohortReader(db, id, who);
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
