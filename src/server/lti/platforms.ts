import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { LtiError } from './html.ts';

// The learning platforms the tool trusts. An admin (holding TOW_ADMIN_SECRET) registers
// each one with what its administrator reads off the platform's tool registration: the
// issuer, the client id it gave the tool, its deployment ids and its three URLs. Only a
// registered issuer and client id can log in, only a listed deployment can launch.

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' });

export const platformRegistrationSchema = z.strictObject({
  /** what HR calls it, e.g. "Moodle, Sales academy" */
  name: z.string().trim().min(1).max(120),
  issuer: httpUrl,
  clientId: z.string().trim().min(1).max(255),
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1).max(50),
  /** the platform's OIDC authorisation endpoint (where logins are sent) */
  authUrl: httpUrl,
  /** its OAuth 2 token endpoint (for grade tokens) */
  tokenUrl: httpUrl,
  /** its public keys */
  jwksUrl: httpUrl,
});
export type PlatformRegistration = z.infer<typeof platformRegistrationSchema>;

export interface PlatformRow {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: string[];
  auth_url: string;
  token_url: string;
  jwks_url: string;
}

const SELECT = `SELECT id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url
  FROM lti_platforms`;

export const publicPlatform = (p: PlatformRow) => ({
  id: p.id,
  name: p.name,
  issuer: p.issuer,
  clientId: p.client_id,
  deploymentIds: p.deployment_ids,
  authUrl: p.auth_url,
  tokenUrl: p.token_url,
  jwksUrl: p.jwks_url,
});

/** Registers a platform, or updates the one with the same issuer and client id. */
export async function registerPlatform(db: Database, p: PlatformRegistration) {
  const [row] = await db.query<PlatformRow>(
    `INSERT INTO lti_platforms (id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (issuer, client_id) DO UPDATE SET name = $2, deployment_ids = $5,
       auth_url = $6, token_url = $7, jwks_url = $8
     RETURNING id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url`,
    [randomUUID(), p.name, p.issuer, p.clientId, p.deploymentIds, p.authUrl, p.tokenUrl, p.jwksUrl],
  );
  return publicPlatform(row!);
}

export async function listPlatforms(db: Queryable) {
  return (await db.query<PlatformRow>(`${SELECT} ORDER BY created_at`)).map(publicPlatform);
}

export async function deletePlatform(db: Queryable, id: string): Promise<void> {
  const gone = await db.query('DELETE FROM lti_platforms WHERE id = $1 RETURNING id', [id]);
  if (gone.length === 0) throw new RoomError('malformed', `no platform ${id} is registered`);
}

export async function platformById(q: Queryable, id: string): Promise<PlatformRow> {
  const [row] = await q.query<PlatformRow>(`${SELECT} WHERE id = $1`, [id]);
  if (!row)
    throw new LtiError(
      400,
      'Platform not registered',
      'This platform is no longer registered with the game.',
    );
  return row;
}

/**
 * The platform a login names. `clientId` may be left out when the issuer has only one
 * registration (the specification makes client_id optional in a login).
 */
export async function platformOf(
  q: Queryable,
  issuer: string,
  clientId: string | undefined,
): Promise<PlatformRow> {
  const rows = await q.query<PlatformRow>(
    `${SELECT} WHERE issuer = $1 AND ($2::text IS NULL OR client_id = $2)`,
    [issuer, clientId ?? null],
  );
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0)
    throw new LtiError(
      400,
      'Platform not registered',
      `The learning platform ${issuer}${clientId ? ` (client id ${clientId})` : ''} is not registered with the game. Its administrator registers it first (docs/server.md, LTI).`,
    );
  throw new LtiError(
    400,
    'Which registration?',
    `The platform ${issuer} is registered more than once, and the login did not say which client id it is for.`,
  );
}
