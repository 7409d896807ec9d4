import type { PublicAssignment } from '../../room/assignments.ts';
import { requireScope } from '../accounts/roles.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { hashSecret, matchesHash } from '../rooms/secrets.ts';

// Reading an assignment back, and who may act on it: HR is whoever holds its admin secret,
// a trainee whoever holds one of its personal tokens (both checked against stored hashes).
// Every read also takes the database's clock (now_ms): the due date is judged by it, never
// by a page's clock.

export interface AssignmentRow {
  id: string;
  admin_hash: string;
  title: string;
  scenario_id: string;
  scenario_title: string;
  scenario_quarters: number;
  scenario_hash: string;
  scenario_source: 'bundled' | 'upload';
  scenario_file: string;
  pass_mark: number;
  attempts: number;
  due_at: Date | null;
  open_enrolment: boolean;
  now_ms: number;
}

export const ASSIGNMENT_SELECT = `SELECT id, admin_hash, title, scenario_id, scenario_title,
  scenario_quarters, scenario_hash, scenario_source, scenario_file, pass_mark, attempts, due_at,
  open_enrolment, (extract(epoch FROM now()) * 1000)::float8 AS now_ms FROM assignments`;

export async function assignmentById(q: Queryable, id: string): Promise<AssignmentRow> {
  const [row] = await q.query<AssignmentRow>(`${ASSIGNMENT_SELECT} WHERE id = $1`, [id]);
  if (!row) throw new RoomError('no_assignment', `no assignment ${id}: check the link`);
  return row;
}

export const isPastDue = (a: Pick<AssignmentRow, 'due_at' | 'now_ms'>): boolean =>
  a.due_at !== null && a.now_ms > a.due_at.getTime();

export function publicAssignment(a: AssignmentRow): PublicAssignment {
  return {
    id: a.id,
    title: a.title,
    scenario: {
      id: a.scenario_id,
      title: a.scenario_title,
      quarters: a.scenario_quarters,
      hash: a.scenario_hash,
      source: a.scenario_source,
    },
    passMark: a.pass_mark,
    attempts: a.attempts,
    due: a.due_at ? a.due_at.toISOString() : null,
    openEnrolment: a.open_enrolment,
    now: new Date(a.now_ms).toISOString(),
  };
}

/**
 * The assignment, if `who` holds its admin secret or is signed in as HR (or admin), who may
 * open every assignment; `unauthorized` or `forbidden` otherwise.
 */
export async function asHr(q: Queryable, id: string, who: Credentials) {
  const a = await assignmentById(q, id);
  const { secret, account } = who;
  if (secret === null && account !== null) {
    requireScope(account, 'assignments');
    return a;
  }
  if (secret === null)
    throw new RoomError(
      'unauthorized',
      "this needs the assignment's admin secret (Authorization: Bearer …), or signing in to the server as HR",
    );
  if (!matchesHash(secret, a.admin_hash))
    throw new RoomError('unauthorized', "that is not this assignment's admin secret");
  return a;
}

export interface TraineeIdentity {
  assignment: AssignmentRow;
  traineeId: string;
  name: string;
}

/** The trainee whose personal token this is, in this assignment. */
export async function asTrainee(
  q: Queryable,
  id: string,
  token: string | null,
): Promise<TraineeIdentity> {
  const assignment = await assignmentById(q, id);
  if (token === null)
    throw new RoomError('unauthorized', "this needs the trainee's token (Authorization: Bearer …)");
  const [t] = await q.query<{ id: string; name: string; assignment_id: string }>(
    'SELECT id, name, assignment_id FROM trainees WHERE token_hash = $1',
    [hashSecret(token)],
  );
  if (!t) throw new RoomError('unauthorized', 'no trainee has this token: use the link HR sent');
  if (t.assignment_id !== assignment.id)
    throw new RoomError('wrong_room', `this token belongs to another assignment, not ${id}`);
  return { assignment, traineeId: t.id, name: t.name };
}
