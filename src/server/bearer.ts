import type { FastifyRequest } from 'fastify';

// The secret or token a request carries: `Authorization: Bearer …`, how the API's clients
// name themselves (docs/server.md, HTTP). The routes judge it; the rate limit counts by it.

/** The secret or token after `Bearer `, or null when there is none. */
export function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1]! : null;
}
