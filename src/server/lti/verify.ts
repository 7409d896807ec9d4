import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { LTI } from './claims.ts';
import { LtiError } from './html.ts';
import { type PlatformRow, platformById, platformRemoved } from './platforms.ts';
import { hasAnyStateCookie, stateCookieName } from './state-cookie.ts';

// Step two of a launch: the id_token the platform posted back, checked as LTI 1.3 Core §5.1.3
// asks. The state must be one this tool made minutes ago, and is spent here, so a launch
// posted a second time is refused; the token must be signed by a key the platform publishes
// (its JWKS, fetched and cached by jose), be for this tool (aud, azp), be current (exp,
// iat), carry the nonce of that login, and come from a registered deployment. The browser
// posting the launch must hold the state's cookie (state-cookie.ts): a state copied from
// another browser's launch is refused (login CSRF).

const launchFormSchema = z.looseObject({
  id_token: z.string().min(1).max(30_000).optional(),
  state: z.string().min(1).max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** one key set per platform URL: jose caches the keys and refetches on an unknown key id */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetOf(url: string) {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cooldownDuration: 10_000, cacheMaxAge: 600_000 });
    keySets.set(url, set);
  }
  return set;
}

const refused = (message: string) => new LtiError(401, 'The launch was refused', message);

function whyRefused(err: unknown, platform: PlatformRow): LtiError {
  if (err instanceof errors.JWTExpired)
    return refused(
      'The launch has expired (its id_token is past its time). Open the link in the course again.',
    );
  if (err instanceof errors.JWKSNoMatchingKey)
    return refused(
      `The launch was signed with a key that ${platform.name} does not publish at ${platform.jwks_url}.`,
    );
  if (err instanceof errors.JWSSignatureVerificationFailed)
    return refused(
      `The launch's signature does not match ${platform.name}'s key: it was not signed by the platform.`,
    );
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud')
      return refused(
        `The launch is meant for another tool, not this game's client id ${platform.client_id}.`,
      );
    if (err.claim === 'iss')
      return refused(
        `The launch did not come from ${platform.issuer}, the platform that started it.`,
      );
    return refused(`The launch's "${err.claim}" is wrong: ${err.reason}.`);
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JOSEError)
    return refused(`The launch could not be checked: ${err.message}.`);
  throw err;
}

export interface VerifiedLaunch {
  platform: PlatformRow;
  claims: JWTPayload & Record<string, unknown>;
}

/** What the browser posting the launch holds: its cookies, and the server's origin (which cookie names it uses). */
export interface LaunchBrowser {
  cookies: Record<string, string | undefined>;
  origin: string;
}

function notThisBrowser(browser: LaunchBrowser): LtiError {
  if (!hasAnyStateCookie(browser.cookies))
    return refused(
      "This browser did not bring back the game's login cookie, so the launch cannot be tied to the login it started. If the game opens inside the course page, the browser may be blocking cookies there (third-party cookies): open the link in a new window or tab, or allow cookies for this site, and try again. A launch started in another browser is refused the same way.",
    );
  return refused(
    'This launch did not start in this browser: its login was made elsewhere. Open the link in the course again from this browser.',
  );
}

export async function verifyLaunch(
  db: Database,
  form: unknown,
  browser: LaunchBrowser,
): Promise<VerifiedLaunch> {
  const f = launchFormSchema.safeParse(form ?? {});
  if (!f.success) throw refused('The launch form is not one an LTI platform sends.');
  if (f.data.error)
    throw new LtiError(
      400,
      'The platform did not launch the game',
      `The learning platform answered "${f.data.error}"${f.data.error_description ? `: ${f.data.error_description}` : ''}.`,
    );
  if (!f.data.id_token || !f.data.state)
    throw refused('The launch has no id_token or no state: start it from the course.');
  const usedAlready = () =>
    refused(
      'This launch has been used already, or did not start here. A launch works once: open the link in the course again.',
    );
  const [known] = await db.query('SELECT 1 FROM lti_logins WHERE state = $1', [f.data.state]);
  if (!known) throw usedAlready();
  // checked before the state is spent, so a post from the wrong browser spoils nothing
  if (browser.cookies[stateCookieName(f.data.state, browser.origin)] !== '1')
    throw notThisBrowser(browser);
  // platform_id is null when the platform was removed since the login (migration 009)
  const [login] = await db.query<{ nonce: string; platform_id: string | null; fresh: boolean }>(
    `DELETE FROM lti_logins WHERE state = $1
     RETURNING nonce, platform_id, expires_at > now() AS fresh`,
    [f.data.state],
  );
  if (!login) throw usedAlready();
  if (!login.fresh)
    throw refused('The launch took too long and expired. Open the link in the course again.');
  if (login.platform_id === null) throw platformRemoved();
  const platform = await platformById(db, login.platform_id);
  let claims: VerifiedLaunch['claims'];
  try {
    ({ payload: claims } = await jwtVerify(f.data.id_token, keySetOf(platform.jwks_url), {
      issuer: platform.issuer,
      audience: platform.client_id,
      algorithms: ['RS256'],
      requiredClaims: ['iat', 'exp', 'nonce', 'sub'],
      maxTokenAge: '10 minutes',
      clockTolerance: 60,
    }));
  } catch (err) {
    throw whyRefused(err, platform);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== platform.client_id)
    throw refused(`The launch is meant for another party (azp), not this game's client id.`);
  if (claims.nonce !== login.nonce)
    throw refused(
      "The launch's nonce is not the one this login sent: it is a replayed or forged launch.",
    );
  const deployment = claims[`${LTI}deployment_id`];
  if (typeof deployment !== 'string' || !platform.deployment_ids.includes(deployment))
    throw refused(
      `The deployment "${String(deployment)}" of ${platform.name} is not registered with the game, so the game cannot open from this course. Tell the course's instructor: the learning platform's administrator gives the game's admin this deployment id, and the game's admin adds it to ${platform.name} on the game's HR page, under “Learning platforms (LTI)”.`,
    );
  return { platform, claims };
}
