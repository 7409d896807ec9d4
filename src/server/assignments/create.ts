import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateAssignmentResponse,
  createAssignmentRequestSchema,
} from '../../room/assignments.ts';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { rememberScenario, requestedScenario } from '../rooms/scenarios.ts';
import { hashSecret, newSecret } from '../rooms/secrets.ts';
import { announceCohortChange } from './events.ts';
import { assignmentById, publicAssignment } from './rows.ts';

// HR makes an assignment: the scenario is checked exactly as a room's is (a bundled id, or
// an uploaded file through the scenario checker), its text stored so the assignment keeps
// replaying the very scenario it was made with. Listed trainees each get a personal token;
// without a list, a trainee enrols once under a name of their own.

type CreateAssignment = z.output<typeof createAssignmentRequestSchema>;

const UNIQUE_VIOLATION = '23505';

async function addTrainee(q: Queryable, assignmentId: string, name: string) {
  const token = newSecret();
  await q.query(
    'INSERT INTO trainees (id, assignment_id, name, token_hash) VALUES ($1, $2, $3, $4)',
    [randomUUID(), assignmentId, name, hashSecret(token)],
  );
  return { name, token };
}

export async function createAssignment(
  db: Database,
  req: CreateAssignment,
  /** the signed-in account making it, if any */
  createdBy: string | null = null,
): Promise<CreateAssignmentResponse> {
  const s = requestedScenario(req.scenario);
  const names = req.trainees ?? [];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined)
    throw new RoomError('malformed', `"${duplicate}" is on the trainee list twice`);
  const adminSecret = newSecret();
  const id = randomBytes(9).toString('base64url');
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO assignments (id, admin_hash, title, scenario_id, scenario_title,
         scenario_quarters, scenario_hash, scenario_source, scenario_file, scenario_text,
         pass_mark, attempts, due_at, open_enrolment, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        hashSecret(adminSecret),
        req.title,
        s.scenario.id,
        s.scenario.title,
        s.scenario.quarters,
        s.hash,
        s.source,
        s.file,
        s.text,
        req.passMark,
        req.attempts,
        req.due ?? null,
        req.trainees === undefined,
        createdBy,
      ],
    );
    const trainees = [];
    for (const name of names) trainees.push(await addTrainee(tx, id, name));
    rememberScenario(id, s.scenario);
    const assignment = publicAssignment(await assignmentById(tx, id));
    return { assignment, adminSecret, trainees, warnings: s.warnings };
  });
}

/** A trainee of an assignment without a list enrols under a name, once. */
export async function enrol(db: Database, id: string, name: string) {
  const a = await assignmentById(db, id);
  if (!a.open_enrolment)
    throw new RoomError(
      'enrolment_closed',
      'this assignment is for the trainees on its list: use the personal link HR sent you',
    );
  try {
    const added = await addTrainee(db, a.id, name);
    await announceCohortChange(db, a.id);
    return added;
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION)
      throw new RoomError(
        'name_taken',
        `"${name}" has enrolled already: continue in the browser you enrolled in, or ask HR`,
      );
    throw err;
  }
}
