import type { Account, ListedAssignment } from '../../room/accounts.ts';
import { requireScope } from '../accounts/roles.ts';
import type { Queryable } from '../db/database.ts';
import { ASSIGNMENT_SELECT, type AssignmentRow, publicAssignment } from './rows.ts';

// HR's list of every assignment on the server, newest first, with who made it and how far
// its cohort has got: what a signed-in HR account sees instead of pasting an admin secret.

type ListedRow = AssignmentRow & {
  created_by: string | null;
  created_at: Date;
  trainee_count: number;
  graded_count: number;
};

const LIST_SQL = `SELECT * FROM (${ASSIGNMENT_SELECT}) a,
  LATERAL (SELECT created_by, created_at FROM assignments WHERE id = a.id) made,
  LATERAL (SELECT count(*)::int AS trainee_count,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attempts x
               WHERE x.trainee_id = t.id AND x.finished_at IS NOT NULL
                 AND x.void_reason IS NULL))::int AS graded_count
           FROM trainees t WHERE t.assignment_id = a.id) counts
  ORDER BY made.created_at DESC, a.id LIMIT 1000`;

export async function listAssignments(q: Queryable, account: Account): Promise<ListedAssignment[]> {
  requireScope(account, 'assignments');
  const rows = await q.query<ListedRow>(LIST_SQL);
  return rows.map((r) => ({
    assignment: publicAssignment(r),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    trainees: r.trainee_count,
    graded: r.graded_count,
  }));
}
