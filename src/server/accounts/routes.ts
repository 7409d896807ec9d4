import type { FastifyInstance } from 'fastify';
import { signInRequestSchema } from '../../room/accounts.ts';
import { parseOrRefuse } from '../parse.ts';
import type { Sessions } from './sessions.ts';

// Signing in and out (docs/server.md, Accounts). Sign-in attempts have a rate limit of
// their own per client address, well below the API's, so a password cannot be guessed at
// the speed of the server; and wrong passwords a limit per account name (guesses.ts), so
// it cannot be guessed from many addresses either.

export interface SessionApiOptions {
  sessions: Sessions;
  /** sign-in attempts per minute per client address (TOW_SIGNIN_RATE) */
  signInRate: number;
}

export async function sessionRoutes(app: FastifyInstance, o: SessionApiOptions): Promise<void> {
  app.post(
    '/api/session',
    {
      config: {
        rateLimit: {
          max: o.signInRate,
          timeWindow: '1 minute',
          errorResponseBuilder: (_req, ctx) => ({
            statusCode: 429,
            error: 'rate_limited',
            message: `too many sign-in attempts from this address: try again in ${ctx.after}`,
          }),
        },
      },
    },
    async (req, reply) => {
      const { name, password } = parseOrRefuse(signInRequestSchema, req.body, 'signing in');
      return o.sessions.signIn(req, reply, name, password);
    },
  );
  app.get('/api/session', async (req) => o.sessions.current(req));
  app.delete('/api/session', async (req, reply) => {
    await o.sessions.signOut(req, reply);
    reply.code(204);
  });
}
