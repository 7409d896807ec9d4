import type { GradebookEntry } from '../../room/lti.ts';
import type { Queryable } from '../db/database.ts';

// Where each LTI learner's grade stands with their platform's gradebook: the newest
// finished attempt's passback, as HR's API and the instructor's page show it, and the one
// way to send again what the platform never took.

export async function gradebookOf(q: Queryable, assignmentId: string): Promise<GradebookEntry[]> {
  const rows = await q.query<{
    trainee: string;
    platform: string;
    attempt: number;
    status: GradebookEntry['status'];
    score_sent: number | null;
    tries: number;
    last_error: string | null;
    sent_at: Date | null;
    held: number | null;
  }>(
    `SELECT DISTINCT ON (t.id) t.name AS trainee, f.name AS platform, p.number AS attempt,
       p.status, p.score_sent, p.tries, p.last_error, p.sent_at,
       (SELECT e.score_sent FROM lti_passbacks e WHERE e.trainee_id = p.trainee_id
          AND e.status = 'sent' ORDER BY e.sent_at DESC LIMIT 1) AS held
     FROM lti_passbacks p JOIN trainees t ON t.id = p.trainee_id
       JOIN lti_learners l ON l.trainee_id = t.id JOIN lti_platforms f ON f.id = l.platform_id
     WHERE t.assignment_id = $1 ORDER BY t.id, p.number DESC`,
    [assignmentId],
  );
  return rows.map((r) => ({
    trainee: r.trainee,
    platform: r.platform,
    attempt: r.attempt,
    status: r.status,
    scoreSent: r.score_sent,
    tries: r.tries,
    lastError: r.last_error,
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    held: r.held,
  }));
}

/** Puts every grade of the assignment that was given up on back in the queue; returns how many. */
export async function sendAgain(q: Queryable, assignmentId: string): Promise<number> {
  const rows = await q.query(
    `UPDATE lti_passbacks p SET status = 'pending', tries = 0, next_try_at = now()
     FROM trainees t WHERE t.id = p.trainee_id AND t.assignment_id = $1 AND p.status = 'failed'
     RETURNING p.number`,
    [assignmentId],
  );
  return rows.length;
}
