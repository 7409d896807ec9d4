import type { Queryable } from '../db/database.ts';

// "This assignment's cohort changed", announced to every server process through
// PostgreSQL's LISTEN/NOTIFY, like a room's events (rooms/events.ts): inside the
// transaction that made the change, so it is heard only once the change is committed.
// It names the assignment alone; HR's live view reads the cohort again (cohort-hub.ts).

export const ASSIGNMENT_CHANNEL = 'tow_assignment_events';

export async function announceCohortChange(q: Queryable, assignmentId: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [ASSIGNMENT_CHANNEL, assignmentId]);
}
