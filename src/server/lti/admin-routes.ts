import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assignmentIdSchema } from '../../room/assignments.ts';
import { requireScope } from '../accounts/roles.ts';
import { asHr } from '../assignments/rows.ts';
import { bearer } from '../bearer.ts';
import { RoomError } from '../errors.ts';
import { parseOrRefuse } from '../parse.ts';
import { hashSecret, matchesHash } from '../rooms/secrets.ts';
import { gradebookOf, sendAgain } from './gradebook.ts';
import { type LtiOptions, originOf } from './options.ts';
import {
  checkedRegistration,
  deletePlatform,
  listPlatforms,
  registerPlatform,
  removeDeployment,
} from './platforms.ts';
import { rostersOf, syncRosters } from './roster.ts';

// The LTI JSON API, answering like the rest of the API (errors as { error, message }): the
// server's admin (TOW_ADMIN_SECRET, or signed in with an admin account) registers
// platforms; HR (an assignment's admin secret, or signed in as HR) reads where its
// learners' grades stand in their platform's gradebook, and has the courses' rosters read.

async function asAdmin(req: FastifyRequest, o: LtiOptions): Promise<void> {
  const given = bearer(req);
  const { account } = await o.sessions.credentialsOf(req, given);
  if (account) return requireScope(account, 'platforms');
  if (o.adminSecret === null)
    throw new RoomError(
      'unauthorized',
      'registering platforms needs an admin account (TOW_ACCOUNTS) or TOW_ADMIN_SECRET: neither is set',
    );
  if (given === null || !matchesHash(given, hashSecret(o.adminSecret)))
    throw new RoomError(
      'unauthorized',
      "this needs the server's admin secret (Authorization: Bearer TOW_ADMIN_SECRET), or signing in with an admin account",
    );
}

export async function adminApi(app: FastifyInstance, o: LtiOptions): Promise<void> {
  app.get('/api/lti/platforms', async (req) => {
    await asAdmin(req, o);
    return { platforms: await listPlatforms(o.db), tool: toolUrls(originOf(req, o)) };
  });
  app.post('/api/lti/platforms', async (req, reply) => {
    await asAdmin(req, o);
    const answer = await registerPlatform(o.db, checkedRegistration(req.body));
    reply.code(201);
    return { ...answer, tool: toolUrls(originOf(req, o)) };
  });
  app.get<{ Params: { id: string } }>('/api/assignments/:id/gradebook', async (req) => {
    const a = await asHr(
      o.db,
      parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id'),
      await o.sessions.credentialsOf(req, bearer(req)),
    );
    return { entries: await gradebookOf(o.db, a.id) };
  });
  app.post<{ Params: { id: string } }>('/api/assignments/:id/gradebook/send-again', async (req) => {
    const a = await asHr(
      o.db,
      parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id'),
      await o.sessions.credentialsOf(req, bearer(req)),
    );
    const queued = await sendAgain(o.db, a.id);
    o.onSendAgain();
    return { queued };
  });
  // HR opening the cohort: the courses' rosters read first (at most every few minutes)
  app.get<{ Params: { id: string } }>('/api/assignments/:id/roster', async (req) => {
    const a = await asHr(
      o.db,
      parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id'),
      await o.sessions.credentialsOf(req, bearer(req)),
    );
    await syncRosters(o.db, o.toolKey, a.id);
    return { rosters: await rostersOf(o.db, a.id) };
  });
  app.delete<{ Params: { id: string } }>('/api/lti/platforms/:id', async (req, reply) => {
    await asAdmin(req, o);
    await deletePlatform(o.db, parseOrRefuse(z.uuid(), req.params.id, 'the platform id'));
    reply.code(204);
  });
  // one deployment taken off (a course that left); registering again only ever adds
  app.delete<{ Params: { id: string; deployment: string } }>(
    '/api/lti/platforms/:id/deployments/:deployment',
    async (req) => {
      await asAdmin(req, o);
      const id = parseOrRefuse(z.uuid(), req.params.id, 'the platform id');
      const answer = await removeDeployment(o.db, id, req.params.deployment);
      return { ...answer, tool: toolUrls(originOf(req, o)) };
    },
  );
}

/** What the platform's administrator types into the platform's tool registration. */
export const toolUrls = (origin: string) => ({
  loginUrl: `${origin}/lti/login`,
  redirectUrl: `${origin}/lti/launch`,
  targetLinkUrl: `${origin}/lti/launch`,
  deepLinkingUrl: `${origin}/lti/launch`,
  jwksUrl: `${origin}/lti/jwks`,
});
