import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assignmentIdSchema } from '../../room/assignments.ts';
import { asHr, assignmentById } from '../assignments/rows.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { bearer } from '../http.ts';
import { parseOrRefuse } from '../parse.ts';
import { hashSecret, matchesHash } from '../rooms/secrets.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { answerDeepLink, choicePage } from './deep-linking.ts';
import { gradebookOf, sendAgain } from './gradebook.ts';
import { errorPage, LtiError } from './html.ts';
import { instructorPage } from './instructor.ts';
import { INSTRUCTOR_AUDIENCE, launch } from './launch.ts';
import { loginRedirect } from './login.ts';
import {
  deletePlatform,
  listPlatforms,
  platformRegistrationSchema,
  registerPlatform,
} from './platforms.ts';
import type { ToolKey } from './tool-key.ts';

// The LTI 1.3 tool's routes (docs/server.md, LTI). Those a browser visits (login, launch,
// deep linking, the instructor's cohort) answer refusals with a page that says what was
// wrong; the admin's registration API answers JSON like the rest of the API.

export interface LtiOptions {
  db: Database;
  toolKey: ToolKey;
  /** TOW_ADMIN_SECRET: registers platforms; null: registration is off */
  adminSecret: string | null;
  /** TOW_PUBLIC_URL: the server's address as platforms reach it; null: from each request */
  publicUrl: string | null;
  /** grades were put back in the queue: send them now */
  onSendAgain: () => void;
}

/** the launch form's limit: id_tokens of some platforms carry many claims */
const LAUNCH_BODY_BYTES = 64 * 1024;

const originOf = (req: FastifyRequest, o: LtiOptions) =>
  o.publicUrl ? new URL(o.publicUrl).origin : `${req.protocol}://${req.host}`;

/** The pages' policy, with the forms allowed to post here and to `to` (the platform). */
function allowForms(reply: FastifyReply, to: string | null) {
  const policy = {
    ...CONTENT_SECURITY_POLICY,
    'form-action': ["'self'", ...(to ? [new URL(to).origin] : [])],
  };
  reply.header(
    'Content-Security-Policy',
    Object.entries(policy)
      .map(([k, v]) => `${k} ${v.join(' ')}`)
      .join('; '),
  );
}

const sendPage = (reply: FastifyReply, status: number, text: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(text);

async function pages(app: FastifyInstance, o: LtiOptions): Promise<void> {
  const { db, toolKey } = o;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof LtiError) return sendPage(reply, err.status, errorPage(err));
    if (err instanceof RoomError)
      return sendPage(
        reply,
        err.status,
        errorPage(new LtiError(err.status, 'Refused', err.message)),
      );
    req.log.error(err);
    console.error(err);
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    return sendPage(
      reply,
      status,
      errorPage(
        new LtiError(
          status,
          'Something went wrong',
          status < 500
            ? err.message
            : "The game's server failed to handle this launch. Try again in a moment.",
        ),
      ),
    );
  });

  app.get('/lti/jwks', async (_req, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return toolKey.keySet();
  });

  const login = async (req: FastifyRequest, reply: FastifyReply) => {
    const origin = originOf(req, o);
    const input = req.method === 'GET' ? req.query : req.body;
    reply.redirect(
      await loginRedirect(db, input, { origin, launchUrl: `${origin}/lti/launch` }),
      302,
    );
  };
  app.get('/lti/login', login);
  app.post('/lti/login', login);

  // an id_token with a platform's extra claims can pass the API's 16 KB
  app.post('/lti/launch', { bodyLimit: LAUNCH_BODY_BYTES }, async (req, reply) => {
    reply.redirect(await launch(db, toolKey, req.body), 303);
  });

  app.get<{ Params: { id: string } }>('/lti/deep-link/:id', async (req, reply) => {
    allowForms(reply, null);
    return sendPage(reply, 200, await choicePage(db, req.params.id));
  });

  app.post<{ Params: { id: string } }>('/lti/deep-link/:id', async (req, reply) => {
    const answer = await answerDeepLink(
      db,
      toolKey,
      originOf(req, o),
      req.params.id,
      (req.body ?? {}) as Record<string, string>,
    );
    allowForms(reply, answer.returnUrl);
    return sendPage(reply, 200, answer.page);
  });

  /** the assignment an instructor's view link (signed at their launch) is for */
  const viewed = async (v: unknown) => {
    const claims = typeof v === 'string' ? await toolKey.verifyOwn(v, INSTRUCTOR_AUDIENCE) : null;
    if (!claims?.sub)
      throw new LtiError(
        401,
        'This page has expired',
        'The link to the learners is good for eight hours. Open the assessment from the course again.',
      );
    return { a: await assignmentById(db, claims.sub), v: v as string };
  };

  app.get<{ Querystring: { v?: string } }>('/lti/cohort', async (req, reply) => {
    const { a, v } = await viewed(req.query.v);
    allowForms(reply, null);
    return sendPage(reply, 200, await instructorPage(db, a, v));
  });

  app.post('/lti/cohort/send-again', async (req, reply) => {
    const { a, v } = await viewed((req.body as { v?: unknown } | undefined)?.v);
    const n = await sendAgain(db, a.id);
    o.onSendAgain();
    allowForms(reply, null);
    const notice = `${n === 1 ? 'One grade is' : `${n} grades are`} being sent again. Reload the page in a minute to see how it went.`;
    return sendPage(reply, 200, await instructorPage(db, a, v, notice));
  });
}

function asAdmin(req: FastifyRequest, o: LtiOptions): void {
  if (o.adminSecret === null)
    throw new RoomError(
      'unauthorized',
      'registering platforms is off: start the server with TOW_ADMIN_SECRET set',
    );
  const given = bearer(req);
  if (given === null || !matchesHash(given, hashSecret(o.adminSecret)))
    throw new RoomError(
      'unauthorized',
      "this needs the server's admin secret (Authorization: Bearer TOW_ADMIN_SECRET)",
    );
}

async function adminApi(app: FastifyInstance, o: LtiOptions): Promise<void> {
  app.get('/api/lti/platforms', async (req) => {
    asAdmin(req, o);
    return { platforms: await listPlatforms(o.db), tool: toolUrls(originOf(req, o)) };
  });
  app.post('/api/lti/platforms', async (req, reply) => {
    asAdmin(req, o);
    const body = parseOrRefuse(platformRegistrationSchema, req.body, 'the platform');
    reply.code(201);
    return { platform: await registerPlatform(o.db, body), tool: toolUrls(originOf(req, o)) };
  });
  app.get<{ Params: { id: string } }>('/api/assignments/:id/gradebook', async (req) => {
    const a = await asHr(
      o.db,
      parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id'),
      bearer(req),
    );
    return { entries: await gradebookOf(o.db, a.id) };
  });
  app.post<{ Params: { id: string } }>('/api/assignments/:id/gradebook/send-again', async (req) => {
    const a = await asHr(
      o.db,
      parseOrRefuse(assignmentIdSchema, req.params.id, 'the assignment id'),
      bearer(req),
    );
    const queued = await sendAgain(o.db, a.id);
    o.onSendAgain();
    return { queued };
  });
  app.delete<{ Params: { id: string } }>('/api/lti/platforms/:id', async (req, reply) => {
    asAdmin(req, o);
    await deletePlatform(o.db, parseOrRefuse(z.uuid(), req.params.id, 'the platform id'));
    reply.code(204);
  });
}

/** What the platform's administrator types into the platform's tool registration. */
export const toolUrls = (origin: string) => ({
  loginUrl: `${origin}/lti/login`,
  redirectUrl: `${origin}/lti/launch`,
  targetLinkUrl: `${origin}/lti/launch`,
  deepLinkingUrl: `${origin}/lti/launch`,
  jwksUrl: `${origin}/lti/jwks`,
});

export async function ltiRoutes(app: FastifyInstance, o: LtiOptions): Promise<void> {
  await app.register(pages, o);
  await app.register(adminApi, o);
}
