import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  assignmentIdSchema,
  attemptDecideSchema,
  createAssignmentRequestSchema,
  enrolRequestSchema,
} from '../../room/assignments.ts';
import { cohortCsv } from '../../room/cohort-csv.ts';
import { MAX_CREATE_BODY_BYTES } from '../../room/limits.ts';
import { displayNameSchema } from '../../room/protocol.ts';
import { notSignedIn } from '../accounts/roles.ts';
import type { Sessions } from '../accounts/sessions.ts';
import { bearer } from '../bearer.ts';
import type { Database } from '../db/database.ts';
import { parseOrRefuse } from '../parse.ts';
import { routeLimit } from '../rate-limits.ts';
import { attemptResult, decideAttempt, startAttempt, traineeStatus } from './attempts.ts';
import { cohortView, resultForHr } from './cohort.ts';
import { createAssignment, enrol } from './create.ts';
import type { Signer } from './keys.ts';
import { listAssignments } from './list.ts';
import { assignmentById, publicAssignment } from './rows.ts';

// The HTTP API of assessed assignments (docs/server.md, Assignments) and the server's
// public keys. HR's requests carry the assignment's admin secret, or come signed in as HR
// (every assignment is then open to them); a trainee's carry their personal token; secrets
// and tokens as `Authorization: Bearer …`.

export interface AssignmentApiOptions {
  db: Database;
  signer: Signer;
  /** API requests a minute of one client (TOW_RATE_LIMIT); creating gets a tenth, per address */
  rateLimit: number;
  sessions: Sessions;
  /** called when a decision finished an attempt (the LTI grade passback listens) */
  onAttemptFinished?: () => void;
}

type WithId = FastifyRequest<{ Params: { id: string } }>;
type WithAttempt = FastifyRequest<{ Params: { id: string; n: string } }>;

const idOf = (req: WithId) => parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id');
const attemptNumberSchema = z.coerce.number().int().min(1).max(1000);
const numberOf = (req: WithAttempt) =>
  parseOrRefuse(attemptNumberSchema, req.params.n, 'the attempt number');

export async function assignmentRoutes(
  app: FastifyInstance,
  options: AssignmentApiOptions,
): Promise<void> {
  const { db, signer, sessions } = options;
  const who = (req: FastifyRequest) => sessions.credentialsOf(req, bearer(req));

  app.get('/.well-known/jwks.json', async (_req, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return signer.keySet();
  });

  app.post(
    '/api/assignments',
    {
      bodyLimit: MAX_CREATE_BODY_BYTES,
      config: {
        rateLimit: routeLimit(Math.ceil(options.rateLimit / 10), 'new assignments'),
      },
    },
    async (req, reply) => {
      const body = parseOrRefuse(createAssignmentRequestSchema, req.body, 'the assignment');
      const account = await sessions.accountOf(req);
      reply.code(201);
      return createAssignment(db, body, account?.name ?? null);
    },
  );

  app.get('/api/assignments', async (req) => {
    const account = await sessions.accountOf(req);
    if (!account) throw notSignedIn('an HR account');
    return { assignments: await listAssignments(db, account) };
  });

  app.get('/api/assignments/:id', async (req: WithId) =>
    publicAssignment(await assignmentById(db, idOf(req))),
  );

  app.get('/api/assignments/:id/scenario', async (req: WithId) => {
    const a = await assignmentById(db, idOf(req));
    const [row] = await db.query<{ text: string }>(
      'SELECT scenario_text AS text FROM assignments WHERE id = $1',
      [a.id],
    );
    return { text: row!.text, hash: a.scenario_hash };
  });

  app.post('/api/assignments/:id/trainees', async (req: WithId, reply) => {
    const { name } = parseOrRefuse(enrolRequestSchema, req.body, 'enrolling');
    reply.code(201);
    return enrol(db, idOf(req), name);
  });

  app.get('/api/assignments/:id/me', async (req: WithId) =>
    traineeStatus(db, idOf(req), bearer(req)),
  );

  app.post('/api/assignments/:id/attempts', async (req: WithId, reply) => {
    const started = await startAttempt(db, idOf(req), bearer(req));
    reply.code(started.resumed ? 200 : 201);
    return started;
  });

  app.post('/api/assignments/:id/attempts/:n/decisions', async (req: WithAttempt) => {
    const msg = parseOrRefuse(attemptDecideSchema, req.body, 'the decision');
    const view = await decideAttempt(db, signer, idOf(req), bearer(req), numberOf(req), msg);
    if (view.finishedAt !== null) options.onAttemptFinished?.();
    return view;
  });

  app.get('/api/assignments/:id/attempts/:n/result', async (req: WithAttempt, reply) => {
    const n = numberOf(req);
    const file = await attemptResult(db, idOf(req), bearer(req), n);
    reply.header('Content-Disposition', `attachment; filename="tow-${req.params.id}-${n}.json"`);
    return file;
  });

  app.get('/api/assignments/:id/cohort', async (req: WithId) =>
    cohortView(db, idOf(req), await who(req)),
  );

  app.get('/api/assignments/:id/cohort.csv', async (req: WithId, reply) => {
    const view = await cohortView(db, idOf(req), await who(req));
    reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="cohort-${view.assignment.id}.csv"`);
    return cohortCsv(view);
  });

  app.get(
    '/api/assignments/:id/results/:n',
    async (
      req: FastifyRequest<{ Params: { id: string; n: string }; Querystring: { trainee?: string } }>,
      reply,
    ) => {
      const trainee = parseOrRefuse(displayNameSchema, req.query.trainee, 'the trainee');
      const n = numberOf(req);
      const file = await resultForHr(db, idOf(req), await who(req), trainee, n);
      reply.header('Content-Disposition', `attachment; filename="tow-${req.params.id}-${n}.json"`);
      return file;
    },
  );
}
