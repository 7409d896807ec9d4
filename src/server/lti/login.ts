import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { LtiError } from './html.ts';
import { platformOf } from './platforms.ts';

// Step one of a launch (LTI 1.3 Core §5.1.1, OpenID Connect's third-party-initiated login):
// the platform sends the browser here naming itself and the user; the tool makes a fresh
// state and nonce, keeps them for a few minutes, and sends the browser on to the platform's
// authorisation endpoint, which answers with the signed id_token at /lti/launch.

export const LOGIN_MINUTES = 10;

const loginSchema = z.looseObject({
  iss: z.url({ error: "the platform's issuer (iss)" }),
  login_hint: z.string().min(1, 'login_hint').max(2000),
  target_link_uri: z.url({ error: 'the address to launch (target_link_uri)' }),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().max(255).optional(),
});

function fieldsOf(input: unknown) {
  const result = loginSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const missing = result.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
  throw new LtiError(
    400,
    'The login is incomplete',
    `The learning platform's login did not send what LTI 1.3 needs: ${missing}.`,
  );
}

/** Where to send the browser next (the platform's authorisation endpoint, with state and nonce), and the state. */
export async function loginRedirect(
  db: Database,
  input: unknown,
  tool: { launchUrl: string; origin: string },
): Promise<{ to: string; state: string }> {
  const f = fieldsOf(input);
  if (new URL(f.target_link_uri).origin !== tool.origin)
    throw new LtiError(
      400,
      'Not this game',
      `The platform asked to launch ${f.target_link_uri}, which is not on this server (${tool.origin}). Check the tool's address in the platform.`,
    );
  const platform = await platformOf(db, f.iss, f.client_id);
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO lti_logins (state, nonce, platform_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [state, nonce, platform.id, LOGIN_MINUTES],
  );
  // forgotten logins go too, so the table stays small
  await db.query('DELETE FROM lti_logins WHERE expires_at < now()');
  const to = new URL(platform.auth_url);
  const params: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.client_id,
    redirect_uri: tool.launchUrl,
    login_hint: f.login_hint,
    state,
    nonce,
    ...(f.lti_message_hint ? { lti_message_hint: f.lti_message_hint } : {}),
  };
  for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
  return { to: to.href, state };
}
