import { randomUUID } from 'node:crypto';
import { announceCohortChange } from '../assignments/events.ts';
import type { Database, Queryable } from '../db/database.ts';
import { hashSecret, newSecret } from '../rooms/secrets.ts';
import {
  AGS_ENDPOINT,
  learnerName,
  type PersonClaims,
  type ResourceLinkClaims,
  SCORE_SCOPE,
} from './claims.ts';
import type { PlatformRow } from './platforms.ts';

// A learner arriving from a platform becomes a trainee of the assignment the link names: on
// their first launch a trainee row is made under the name the platform gives (the roster is
// the platform's, so an assignment's own list does not apply), with their platform identity
// beside it. Every launch hands out a new personal token, so the browser that launched last
// is the one that plays; attempts, due date and grading are the assignment's, as for anyone.

/** the name, or "name (2)", "name (3)"… when another trainee of the assignment has it */
export async function freeName(q: Queryable, assignmentId: string, name: string): Promise<string> {
  const taken = new Set(
    (
      await q.query<{ name: string }>('SELECT name FROM trainees WHERE assignment_id = $1', [
        assignmentId,
      ])
    ).map((r) => r.name),
  );
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 34)} (${n})`;
  return candidate;
}

export async function admitLearner(
  db: Database,
  platform: PlatformRow,
  assignmentId: string,
  claims: ResourceLinkClaims,
): Promise<{ token: string; name: string }> {
  const ags = claims[AGS_ENDPOINT];
  const lineitem = ags?.lineitem ?? null;
  const canScore = Boolean(ags?.scope.includes(SCORE_SCOPE));
  const token = newSecret();
  return db.transaction(async (tx) => {
    const [known] = await tx.query<{ trainee_id: string; name: string }>(
      `SELECT l.trainee_id, t.name FROM lti_learners l JOIN trainees t ON t.id = l.trainee_id
       WHERE l.platform_id = $1 AND l.sub = $2 AND l.assignment_id = $3 FOR UPDATE`,
      [platform.id, claims.sub, assignmentId],
    );
    if (known) {
      await tx.query('UPDATE trainees SET token_hash = $2 WHERE id = $1', [
        known.trainee_id,
        hashSecret(token),
      ]);
      await tx.query(
        `UPDATE lti_learners SET lineitem_url = coalesce($2, lineitem_url), can_score = $3,
           last_launch_at = now() WHERE trainee_id = $1`,
        [known.trainee_id, lineitem, canScore],
      );
      return { token, name: known.name };
    }
    const name = await insertLearner(tx, assignmentId, platform.id, claims, {
      tokenHash: hashSecret(token),
      lineitem,
      canScore,
      launched: true,
    });
    await announceCohortChange(tx, assignmentId);
    return { token, name };
  });
}

/**
 * A new trainee of the assignment for a person of the platform, with their platform identity;
 * returns the name given. `launched` false: listed by the course's roster before any launch
 * (their token is one nobody holds until they launch).
 */
export async function insertLearner(
  tx: Queryable,
  assignmentId: string,
  platformId: string,
  person: PersonClaims,
  how: {
    tokenHash: string;
    lineitem: string | null;
    canScore: boolean;
    launched: boolean;
    inCourse?: 'enrolled' | 'inactive';
  },
): Promise<string> {
  // one new trainee at a time per assignment, so two learners cannot take the same name
  await tx.query('SELECT id FROM assignments WHERE id = $1 FOR UPDATE', [assignmentId]);
  const name = await freeName(tx, assignmentId, learnerName(person));
  const traineeId = randomUUID();
  await tx.query(
    'INSERT INTO trainees (id, assignment_id, name, token_hash) VALUES ($1, $2, $3, $4)',
    [traineeId, assignmentId, name, how.tokenHash],
  );
  await tx.query(
    `INSERT INTO lti_learners
       (trainee_id, assignment_id, platform_id, sub, lineitem_url, can_score, last_launch_at, in_course)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END, $8)`,
    [
      traineeId,
      assignmentId,
      platformId,
      person.sub,
      how.lineitem,
      how.canScore,
      how.launched,
      how.inCourse ?? null,
    ],
  );
  return name;
}

/** The game page playing the assignment with this token (the assess page's link, src/app/room/start.ts). */
export const gamePageFor = (assignmentId: string, token: string): string =>
  `/?assess=${encodeURIComponent(assignmentId)}&t=${encodeURIComponent(token)}`;
