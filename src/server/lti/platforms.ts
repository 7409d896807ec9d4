import { randomUUID } from 'node:crypto';
import {
  deploymentsSentence,
  MAX_DEPLOYMENTS,
  type PlatformRegistration,
  platformProblems,
  platformRegistrationSchema,
} from '../../room/lti-platforms.ts';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { LtiError } from './html.ts';

// The learning platforms the tool trusts. An admin (holding TOW_ADMIN_SECRET, or signed in
// as admin) registers each one with what its administrator reads off the platform's tool
// registration: the issuer, the client id it gave the tool, its deployment ids and its three
// URLs. Only a registered issuer and client id can log in, only a listed deployment can
// launch. Registering it again adds deployments (a second course keeps the first working)
// and takes the new name and URLs; a deployment goes only when it is removed by name.

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

/** The registration checked, or a `malformed` refusal whose sentences name the fields. */
export function checkedRegistration(body: unknown): PlatformRegistration {
  const parsed = platformRegistrationSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = platformProblems(parsed.error).map((p) => p.message);
  throw new RoomError('malformed', [...new Set(problems)].join('; ').slice(0, 500));
}

/** `known` followed by those of `added` it lacks, in the order given. */
const merged = (known: readonly string[], added: readonly string[]) => [
  ...new Set([...known, ...added]),
];

/**
 * Registers a platform, or updates the one with the same issuer and client id: its name and
 * URLs are replaced, its deployments added to. The answer says what the list is now.
 */
export async function registerPlatform(db: Database, p: PlatformRegistration) {
  const row = await db.transaction(async (tx) => {
    const [known] = await tx.query<PlatformRow>(
      `${SELECT} WHERE issuer = $1 AND client_id = $2 FOR UPDATE`,
      [p.issuer, p.clientId],
    );
    const deployments = merged(known?.deployment_ids ?? [], p.deploymentIds);
    if (deployments.length > MAX_DEPLOYMENTS)
      throw new RoomError(
        'malformed',
        `deploymentIds: ${p.name} would have ${deployments.length} deployments, and ${MAX_DEPLOYMENTS} is the most: remove some first`,
      );
    const [saved] = await tx.query<PlatformRow>(
      `INSERT INTO lti_platforms (id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (issuer, client_id) DO UPDATE SET name = $2, deployment_ids = $5,
         auth_url = $6, token_url = $7, jwks_url = $8
       RETURNING id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url`,
      [randomUUID(), p.name, p.issuer, p.clientId, deployments, p.authUrl, p.tokenUrl, p.jwksUrl],
    );
    return { saved: saved!, known };
  });
  const platform = publicPlatform(row.saved);
  return { platform, message: registeredSentence(row.known, row.saved) };
}

/**
 * What a registration did, in words: the deployments it added; or, when it added none, that
 * the platform had them already, and whether its name or addresses changed (else nothing did).
 */
function registeredSentence(known: PlatformRow | undefined, saved: PlatformRow): string {
  const platform = publicPlatform(saved);
  if (!known || saved.deployment_ids.length > known.deployment_ids.length)
    return `${deploymentsSentence(platform)}.`;
  const renamed = known.name !== saved.name;
  const moved = (['auth_url', 'token_url', 'jwks_url'] as const).some((k) => known[k] !== saved[k]);
  const changed = [...(renamed ? ['name'] : []), ...(moved ? ['addresses'] : [])];
  const had = deploymentsSentence(platform, 'already had');
  return changed.length === 0
    ? `${had}: nothing changed.`
    : `${had}; its ${changed.join(' and ')} ${changed.length === 1 && renamed ? 'is' : 'are'} updated.`;
}

/** Takes one deployment off a platform; its last one stays (remove the platform instead). */
export async function removeDeployment(db: Database, id: string, deployment: string) {
  const row = await db.transaction(async (tx) => {
    const [known] = await tx.query<PlatformRow>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    if (!known) throw new RoomError('malformed', `no platform ${id} is registered`);
    if (!known.deployment_ids.includes(deployment))
      throw new RoomError(
        'malformed',
        `deployment: ${known.name} has no deployment “${deployment}” (it has ${known.deployment_ids.map((d) => `“${d}”`).join(', ')})`,
      );
    if (known.deployment_ids.length === 1)
      throw new RoomError(
        'malformed',
        `deployment: “${deployment}” is the only deployment of ${known.name}; a platform needs one, so remove the platform instead`,
      );
    const [saved] = await tx.query<PlatformRow>(
      `UPDATE lti_platforms SET deployment_ids = array_remove(deployment_ids, $2) WHERE id = $1
       RETURNING id, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url`,
      [id, deployment],
    );
    return saved!;
  });
  const platform = publicPlatform(row);
  return {
    platform,
    message: `Deployment “${deployment}” is removed: ${deploymentsSentence(platform)}.`,
  };
}

export async function listPlatforms(db: Queryable) {
  return (await db.query<PlatformRow>(`${SELECT} ORDER BY created_at`)).map(publicPlatform);
}

export async function deletePlatform(db: Queryable, id: string): Promise<void> {
  const gone = await db.query('DELETE FROM lti_platforms WHERE id = $1 RETURNING id', [id]);
  if (gone.length === 0) throw new RoomError('malformed', `no platform ${id} is registered`);
}

/**
 * What a learner (or instructor) is told when the platform they came from was removed by
 * the server's admin while their launch was under way: a page, not a failure of the server.
 */
export const platformRemoved = () =>
  new LtiError(
    410,
    'The learning platform was removed',
    "The learning platform you came from was removed from the game by the game's admin while you were on your way here, so the game cannot open from that course now. Attempts you played before are kept. Tell the course's instructor or the game's admin.",
  );

export async function platformById(q: Queryable, id: string): Promise<PlatformRow> {
  const [row] = await q.query<PlatformRow>(`${SELECT} WHERE id = $1`, [id]);
  if (!row) throw platformRemoved();
  return row;
}

export async function isRegistered(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM lti_platforms WHERE id = $1', [id])).length > 0;
}

/**
 * Who does what when a platform is not registered: said to whoever met the refusal (often a
 * learner) in words, since a learner can act on neither the platform nor the game, only tell
 * the person who can.
 */
const WHO_REGISTERS =
  "Tell the course's instructor: the learning platform's administrator gives the game's admin the details of the game's tool in the platform, and the game's admin registers them on the game's HR page, under “Learning platforms (LTI)”.";

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
      `The learning platform ${issuer}${clientId ? ` (client id ${clientId})` : ''} is not registered with the game, so the game cannot open from this course. ${WHO_REGISTERS}`,
    );
  throw new LtiError(
    400,
    'Which registration?',
    `The platform ${issuer} is registered more than once, and the login did not say which client id it is for.`,
  );
}
