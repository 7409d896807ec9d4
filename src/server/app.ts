import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { GAME_VERSION } from '../record/version.ts';
import { MAX_BODY_BYTES, MAX_FRAME_BYTES } from '../room/limits.ts';
import type { Health } from '../room/protocol.ts';
import { MODEL_VERSION } from '../sim/index.ts';
import type { GuessLimit } from './accounts/guesses.ts';
import { sessionRoutes } from './accounts/routes.ts';
import { Sessions } from './accounts/sessions.ts';
import type { AccountEntry } from './accounts/settings.ts';
import { CohortHub } from './assignments/cohort-hub.ts';
import { Signer } from './assignments/keys.ts';
import { assignmentRoutes } from './assignments/routes.ts';
import { NETWORK_RATE_LIMIT, type TrustProxy } from './config.ts';
import type { Database } from './db/database.ts';
import { RoomError } from './errors.ts';
import { roomRoutes } from './http.ts';
import { serveCohortSocket } from './live/cohort-socket.ts';
import { Hub } from './live/hub.ts';
import { Presence } from './live/presence.ts';
import { serveSocket } from './live/socket.ts';
import { Passback } from './lti/passback.ts';
import { ltiRoutes } from './lti/routes.ts';
import { ToolKey } from './lti/tool-key.ts';
import { limitApi } from './rate-limits.ts';
import { sweep } from './rooms/manage.ts';
import { helmetOptions } from './security.ts';
import { serveSite } from './site.ts';

// The server: the built site and the room API on one port, with the security headers on
// every answer, the API's rate limits, and the live channel. `close()` stops it and its timers; the
// database is the caller's to close.

export interface ServerOptions {
  db: Database;
  /** the built site's folder; null or a folder without index.html: the API alone */
  distDir: string | null;
  ttlHours: number;
  sweepSeconds: number;
  /** API requests a minute of one client known by its token, secret or sign-in (TOW_RATE_LIMIT) */
  rateLimit: number;
  /** API requests a minute from one network address, everyone behind it together (TOW_NETWORK_RATE_LIMIT) */
  networkRateLimit?: number;
  /** WebSocket messages per 10 seconds per connection */
  wsRate: number;
  /** whose X-Forwarded-For to believe for the client's address (TOW_TRUST_PROXY) */
  trustProxy?: TrustProxy;
  /** encrypts the stored signing keys (TOW_SIGNING_SECRET); null: stored as they are */
  signingSecret?: string | null;
  logger?: boolean;
  /** TOW_ADMIN_SECRET: registers LTI platforms; null or left out: registration is off */
  adminSecret?: string | null;
  /** TOW_PUBLIC_URL: this server's address as LTI platforms reach it; null: from each request */
  publicUrl?: string | null;
  /** who may sign in (TOW_ACCOUNTS); none: signing in is off, secrets alone as before */
  accounts?: readonly AccountEntry[];
  /** how long a sign-in lasts (TOW_SESSION_HOURS) */
  sessionHours?: number;
  /** sign-in attempts per minute per client address (TOW_SIGNIN_RATE) */
  signInRate?: number;
  /** wrong passwords per account name in a window of minutes (TOW_SIGNIN_ACCOUNT_RATE, _MINUTES) */
  accountGuesses?: GuessLimit;
  /** how often grades waiting for an LTI platform are sent again (seconds) */
  passbackSeconds?: number;
  /** HR's live cohort: changes gathered over this window into one message (ms) */
  cohortCoalesceMs?: number;
}

export interface RoomServer {
  app: FastifyInstance;
  hub: Hub;
  /** signs finished assessed attempts; publishes its public keys */
  signer: Signer;
  /** sends finished LTI learners' grades to their platform */
  passback: Passback;
  /** whether the built site is served */
  site: boolean;
  close(): Promise<void>;
}

/** Fastify's own refusals (body too large, bad JSON, rate limit) in the protocol's words. */
function asRoomError(err: FastifyError): RoomError {
  if (err instanceof RoomError) return err;
  const status = err.statusCode ?? 500;
  if (status === 413) return new RoomError('too_large', err.message);
  if (status === 429) return new RoomError('rate_limited', err.message);
  if (status >= 400 && status < 500) return new RoomError('malformed', err.message);
  return new RoomError('internal', 'the server failed to handle this request');
}

export async function buildServer(options: ServerOptions): Promise<RoomServer> {
  const { db } = options;
  const networkRateLimit = options.networkRateLimit ?? NETWORK_RATE_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    // the rate limits count by request.ip, which this makes the client's behind a proxy
    trustProxy: options.trustProxy ?? false,
  });
  const hub = new Hub(db);
  const cohorts = new CohortHub(db, options.cohortCoalesceMs);
  const presence = new Presence(db);
  const signer = new Signer(db, options.signingSecret ?? null);
  // a wrong TOW_SIGNING_SECRET stops the start here, not at a trainee's last decision
  await signer.start();
  const toolKey = new ToolKey(db, options.signingSecret ?? null);
  await toolKey.start();
  const passback = new Passback(db, toolKey, (options.passbackSeconds ?? 30) * 1000);
  const sessions = new Sessions({
    db,
    accounts: options.accounts ?? [],
    hours: options.sessionHours ?? 12,
    publicUrl: options.publicUrl ?? null,
    guessLimit: options.accountGuesses ?? { max: 10, minutes: 15 },
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = asRoomError(err);
    if (e.code === 'internal') req.log.error(err);
    if (e.code === 'internal' && !options.logger) console.error(err);
    reply.code(e.status).send(e.body());
  });
  // a path or method the API has not got is refused in the protocol's shape, as every other
  // refusal is (`{ error, message }`), so a page or a script reads it like the rest; a file
  // the site has not got keeps Fastify's own answer
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) {
      const e = new RoomError('no_route', `the API has no ${req.method} ${path.slice(0, 200)}`);
      return reply.code(e.status).send(e.body());
    }
    return reply.code(404).send({
      message: `Route ${req.method}:${req.url} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  });

  await app.register(helmet, helmetOptions);
  // once for the whole server: the sign-in's session cookie and the LTI login's state cookie
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  // answered without the database, as cheap as a static file: every page probes it, so a
  // rate-limited probe would tell a trainee there is no room server
  app.get(
    '/healthz',
    async (): Promise<Health> => ({
      ok: true,
      version: GAME_VERSION,
      model: MODEL_VERSION,
      database: db.kind,
    }),
  );
  // the API in a context of its own, the only one rate limited (rate-limits.ts)
  await app.register(async (api) => {
    await limitApi(api, { perClient: options.rateLimit, perNetwork: networkRateLimit });
    await api.register(sessionRoutes, { sessions, signInRate: options.signInRate ?? 10 });
    await api.register(roomRoutes, {
      db,
      ttlHours: options.ttlHours,
      rateLimit: options.rateLimit,
      sessions,
    });
    await api.register(assignmentRoutes, {
      db,
      signer,
      rateLimit: options.rateLimit,
      sessions,
      onAttemptFinished: () => passback.nudge(),
    });
    await api.register(ltiRoutes, {
      db,
      toolKey,
      adminSecret: options.adminSecret ?? null,
      publicUrl: options.publicUrl ?? null,
      sessions,
      onSendAgain: () => passback.nudge(),
    });
    api.get<{ Params: { code: string } }>(
      '/api/rooms/:code/live',
      { websocket: true },
      (socket, req) =>
        serveSocket(socket, req.params.code, {
          db,
          hub,
          presence,
          rate: options.wsRate,
          signedIn: () => sessions.accountOfSocket(req),
        }),
    );
    api.get<{ Params: { id: string } }>(
      '/api/assignments/:id/live',
      { websocket: true },
      (socket, req) =>
        serveCohortSocket(socket, req.params.id, {
          db,
          cohorts,
          rate: options.wsRate,
          signedIn: () => sessions.accountOfSocket(req),
        }),
    );
  });
  // outside the API's context: the built site's files are not counted
  const site = options.distDir ? await serveSite(app, options.distDir) : false;

  await hub.start();
  await cohorts.start();
  await presence.start();
  passback.start();
  const sweeper = setInterval(() => {
    sweep(db).catch((err: Error) => console.error(`sweep: ${err.message}`));
  }, options.sweepSeconds * 1000);
  sweeper.unref();

  return {
    app,
    hub,
    signer,
    passback,
    site,
    async close() {
      clearInterval(sweeper);
      cohorts.stop();
      await app.close();
      await passback.stop();
      await presence.stop().catch(() => {});
    },
  };
}
