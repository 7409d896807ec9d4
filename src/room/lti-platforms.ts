import { z } from 'zod';

// A learning platform's registration with the tool (LTI 1.3, docs/server.md), shared by the
// server's API and HR's page like assignments.ts: the same checks on both ends, each
// refusal a sentence that names its field, so the page can show it at the field and the
// API's caller reads which one to fix.

const httpUrl = (field: string) =>
  z.url({
    protocol: /^https?$/,
    error: `${field}: give an http:// or https:// address, as the platform shows it`,
  });

const text = (field: string, what: string, max: number) =>
  z
    .string({ error: `${field}: give ${what}` })
    .trim()
    .min(1, { error: `${field}: give ${what}` })
    .max(max, { error: `${field}: at most ${max} characters` });

export const MAX_DEPLOYMENTS = 50;

export const platformRegistrationSchema = z.strictObject(
  {
    /** what HR calls it, e.g. "Moodle, Sales academy" */
    name: text('name', 'a name HR will know the platform by', 120),
    issuer: httpUrl('issuer'),
    clientId: text('clientId', 'the client id the platform gave the tool', 255),
    /** added to those already registered (a second course, another deployment) */
    deploymentIds: z
      .array(text('deploymentIds', 'deployment ids that are not empty', 255), {
        error: 'deploymentIds: give a list of deployment ids',
      })
      .min(1, { error: 'deploymentIds: give at least one deployment id' })
      .max(MAX_DEPLOYMENTS, {
        error: `deploymentIds: at most ${MAX_DEPLOYMENTS} deployments`,
      }),
    /** the platform's OIDC authorisation endpoint (where logins are sent) */
    authUrl: httpUrl('authUrl'),
    /** its OAuth 2 token endpoint (for grade tokens) */
    tokenUrl: httpUrl('tokenUrl'),
    /** its public keys */
    jwksUrl: httpUrl('jwksUrl'),
  },
  { error: 'the platform: send a JSON object with its fields' },
);
export type PlatformRegistration = z.infer<typeof platformRegistrationSchema>;
export type PlatformField = keyof PlatformRegistration;

/**
 * Each problem of a registration as a sentence naming its field ("deploymentIds: give at
 * least one deployment id"), with the field when it is one of ours: zod's own wording and
 * its paths (deploymentIds.0) stay out of it.
 */
export function platformProblems(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    if (i.code === 'unrecognized_keys')
      return {
        field: '',
        message: `${i.keys.join(', ')}: not a field of a platform (name, issuer, clientId, deploymentIds, authUrl, tokenUrl, jwksUrl)`,
      };
    // a wrong type at the top (not an object) or a field missing altogether
    const own = i.message.includes(': ') ? i.message : `${field || 'the platform'}: ${i.message}`;
    return { field, message: own };
  });
}

export const registeredPlatformSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  deploymentIds: z.array(z.string()),
  authUrl: z.string(),
  tokenUrl: z.string(),
  jwksUrl: z.string(),
});
export type RegisteredPlatform = z.infer<typeof registeredPlatformSchema>;

/** What the platform's administrator types into the platform's tool registration. */
export const toolUrlsSchema = z.strictObject({
  loginUrl: z.string(),
  redirectUrl: z.string(),
  targetLinkUrl: z.string(),
  deepLinkingUrl: z.string(),
  jwksUrl: z.string(),
});

export const platformListSchema = z.strictObject({
  platforms: z.array(registeredPlatformSchema),
  tool: toolUrlsSchema,
});

/** The answer to a registration or a removed deployment: the platform as it is now, in words too. */
export const platformAnswerSchema = z.strictObject({
  platform: registeredPlatformSchema,
  tool: toolUrlsSchema,
  message: z.string(),
});

/**
 * "Moodle now has deployments 1 and 2", for the answer and HR's page; "Moodle already had
 * deployment 1" when a registration added none.
 */
export function deploymentsSentence(
  p: Pick<RegisteredPlatform, 'name' | 'deploymentIds'>,
  has: 'now has' | 'already had' = 'now has',
): string {
  const ids = p.deploymentIds.map((d) => `“${d}”`);
  const list = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;
  return `${p.name} ${has} ${ids.length === 1 ? 'deployment' : 'deployments'} ${list}`;
}
