import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { assignmentById } from '../assignments/rows.ts';
import { RoomError } from '../errors.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { adminApi } from './admin-routes.ts';
import { answerDeepLink, choicePage } from './deep-linking.ts';
import { sendAgain } from './gradebook.ts';
import { errorPage, LtiError, launchOpenedDirectlyPage } from './html.ts';
import { instructorPage } from './instructor.ts';
import { INSTRUCTOR_AUDIENCE, launch } from './launch.ts';
import { loginRedirect } from './login.ts';
import { type LtiOptions, originOf } from './options.ts';
import { stateCookie } from './state-cookie.ts';

// The LTI 1.3 tool's pages (docs/server.md, LTI): those a browser visits (login, launch,
// deep linking, the instructor's cohort) answer refusals with a page that says what was
// wrong. The JSON API for the admin and HR is in admin-routes.ts.

/** the launch form's limit: id_tokens of some platforms carry many claims */
const LAUNCH_BODY_BYTES = 64 * 1024;

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

/**
 * Why a link to the learners opens nothing: cut short or changed on its way (copied in part,
 * wrapped in an e-mail), or past its eight hours. Only a link the tool signed can say it
 * expired; whoever holds it is told which, and what to do.
 */
function whyNotViewed(v: unknown): LtiError {
  const again = 'Open the assessment from the course again';
  if (typeof v !== 'string' || v === '')
    return new LtiError(
      401,
      'This link is incomplete',
      `The link to the learners is missing the part that says which assessment it is for (after “?v=”). ${again}, or if you copied the link, copy all of it from the platform.`,
    );
  let expired = false;
  try {
    const { exp } = decodeJwt(v);
    expired = typeof exp === 'number' && exp * 1000 <= Date.now();
  } catch {
    // not a JWT at all: damaged
  }
  if (expired)
    return new LtiError(
      401,
      'This page has expired',
      `The link to the learners is good for eight hours. ${again}.`,
    );
  return new LtiError(
    401,
    'This link is damaged',
    `The link to the learners is not whole: part of it is missing or was changed, perhaps in copying. ${again}, or if you copied the link, copy all of it from the platform.`,
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
  // cookies are parsed for the whole server (app.ts registers @fastify/cookie once, for the
  // sign-in's session too): registered again here, Fastify refuses the second decorator
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
    const { to, state } = await loginRedirect(db, input, {
      origin,
      launchUrl: `${origin}/lti/launch`,
    });
    const cookie = stateCookie(state, origin);
    reply.setCookie(cookie.name, cookie.value, cookie.options);
    reply.redirect(to, 302);
  };
  app.get('/lti/login', login);
  app.post('/lti/login', login);

  // an id_token with a platform's extra claims can pass the API's 16 KB
  app.post('/lti/launch', { bodyLimit: LAUNCH_BODY_BYTES }, async (req, reply) => {
    const origin = originOf(req, o);
    const state = (req.body as { state?: unknown } | undefined)?.state;
    // the state is spent whatever the outcome: its cookie goes too
    // (a state this server made is base64url; anything else names no cookie of ours)
    if (typeof state === 'string' && /^[\w-]{1,200}$/.test(state)) {
      const cookie = stateCookie(state, origin);
      reply.clearCookie(cookie.name, cookie.options);
    }
    reply.redirect(await launch(db, toolKey, req.body, { cookies: req.cookies, origin }), 303);
  });

  // a learner who bookmarked the launch, or came back to it through the browser's history:
  // a launch is only ever posted by the course, so the way in is the course again
  app.get('/lti/launch', async (_req, reply) => {
    reply.header('Allow', 'POST');
    return sendPage(reply, 405, launchOpenedDirectlyPage());
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
    if (!claims?.sub) throw whyNotViewed(v);
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

/** The LTI routes: the pages and the admin's JSON API (admin-routes.ts). */
export async function ltiRoutes(app: FastifyInstance, o: LtiOptions): Promise<void> {
  await app.register(pages, o);
  await app.register(adminApi, o);
}
