import type { FastifyRequest } from 'fastify';
import type { Sessions } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import type { ToolKey } from './tool-key.ts';

// What the LTI routes are given (app.ts), and the server's own address as platforms see it.

export interface LtiOptions {
  db: Database;
  toolKey: ToolKey;
  /** TOW_ADMIN_SECRET: registers platforms; null: registration is off */
  adminSecret: string | null;
  /** TOW_PUBLIC_URL: the server's address as platforms reach it; null: from each request */
  publicUrl: string | null;
  /** signed-in accounts: an admin account registers platforms, HR reads gradebooks */
  sessions: Sessions;
  /** grades were put back in the queue: send them now */
  onSendAgain: () => void;
}

/** TOW_PUBLIC_URL's origin, else the request's own (protocol and host). */
export const originOf = (req: FastifyRequest, o: Pick<LtiOptions, 'publicUrl'>) =>
  o.publicUrl ? new URL(o.publicUrl).origin : `${req.protocol}://${req.host}`;
