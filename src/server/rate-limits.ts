import { createHash } from 'node:crypto';
import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './accounts/sessions.ts';
import { bearer } from './bearer.ts';
import { RoomError } from './errors.ts';

// The API's rate limits (docs/server.md, Rate limits), sized for a workshop: a class
// usually reaches the server from one office or campus address (NAT), so the address alone
// cannot tell a flooding client from forty trainees joining at once. Two counts, both per
// minute:
// - per network address, every API request whoever sends it, sized for a whole class: it
//   stops a flood of requests without a token, and one that makes up a new token each time;
// - per client, the requests that carry a token, an admin secret or a sign-in, keyed by
//   that credential: a trainee or facilitator in a loop is stopped at a person's share while
//   the rest of the class behind the same address goes on.
// The built site is not counted at all (app.ts registers it outside these limits): a first
// visit fetches a hundred and more files for the offline cache, cheap and cacheable ones.

const WINDOW = '1 minute';

export interface RateLimitSettings {
  /** API requests a minute of one client known by its credential (TOW_RATE_LIMIT) */
  perClient: number;
  /** API requests a minute from one network address, everyone behind it together (TOW_NETWORK_RATE_LIMIT) */
  perNetwork: number;
}

/** "try again in 41 seconds": the wait until the count starts again, as people say it. */
export function tryAgainIn(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  return `try again in ${whole} ${whole === 1 ? 'second' : 'seconds'}`;
}

/** The client's network address, an IPv6 one by its /64 as the plugin's own default does. */
const addressOf = (req: FastifyRequest): string => normalizeIP(req.ip);

/** Hashed so the limiter's memory holds no usable secret. */
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * Who the request says it is: its bearer token or secret, else its sign-in cookie; null for
 * a request that carries neither, which only the network count can tell apart.
 */
export function credentialOf(req: FastifyRequest): string | null {
  const secret = bearer(req);
  if (secret) return `bearer:${digest(secret)}`;
  const session = req.cookies?.[SESSION_COOKIE];
  return session ? `session:${digest(session)}` : null;
}

function refuse(reply: FastifyReply, from: string, seconds: number): never {
  reply.header('retry-after', Math.max(1, Math.ceil(seconds)));
  throw new RoomError('rate_limited', `too many requests from ${from}: ${tryAgainIn(seconds)}`);
}

/**
 * A route's own, lower limit per network address (making rooms and assignments, which
 * store a whole scenario), refused in the same words as the API's limits.
 */
export function routeLimit(max: number, what: string): RateLimitOptions {
  return {
    max: Math.max(1, max),
    timeWindow: WINDOW,
    keyGenerator: addressOf,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `too many ${what} from your network: ${tryAgainIn(ctx.ttl / 1000)}`,
    }),
  };
}

/**
 * Puts both counts on every route registered in `api` after this call, and enables the
 * routes' own limits (`config.rateLimit`, e.g. routeLimit). `api` must be a context of its
 * own (a plugin not wrapped in fastify-plugin), so the site outside it is left uncounted.
 */
export async function limitApi(api: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  await api.register(rateLimit, { global: false, keyGenerator: addressOf });
  const network = api.createRateLimit({
    max: settings.perNetwork,
    timeWindow: WINDOW,
    keyGenerator: addressOf,
  });
  const client = api.createRateLimit({
    max: settings.perClient,
    timeWindow: WINDOW,
    keyGenerator: (req) => credentialOf(req) ?? addressOf(req),
  });
  api.addHook('onRequest', async (req, reply) => {
    const fromNetwork = await network(req);
    if (!fromNetwork.isAllowed && fromNetwork.isExceeded)
      refuse(reply, 'your network', fromNetwork.ttlInSeconds);
    if (credentialOf(req) === null) return;
    const fromClient = await client(req);
    if (!fromClient.isAllowed && fromClient.isExceeded)
      refuse(reply, 'this browser', fromClient.ttlInSeconds);
  });
}
