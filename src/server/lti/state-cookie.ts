import type { CookieSerializeOptions } from '@fastify/cookie';
import { LOGIN_MINUTES } from './login.ts';

// The login's state, bound to the browser that started it (OpenID Connect's defence against
// login CSRF, LTI 1.3 Core §5.1.1.2): /lti/login sets a short-lived cookie named after the
// state, and /lti/launch takes a state only from the browser that holds that cookie. A state
// seen by someone else (copied off another browser's launch) is useless to them.
//
// The game often runs in an iframe of the learning platform, a third-party context, so on
// https the cookie is SameSite=None, Secure and Partitioned (CHIPS: kept apart per course site,
// which is the site the login and the launch both happen under), with the __Host- prefix (no
// Domain, Path=/, Secure). On plain http browsers refuse SameSite=None, so the cookie is Lax:
// enough for a platform on the same site (a test, a local trial), not for a real deployment.
// One cookie per state, so two launches in two tabs do not overwrite each other.

const PREFIX_SECURE = '__Host-tow-lti-';
const PREFIX_PLAIN = 'tow-lti-';

export interface StateCookie {
  name: string;
  value: string;
  options: CookieSerializeOptions;
}

/** Whether the server's address (as platforms reach it) is https. */
const isSecure = (origin: string) => new URL(origin).protocol === 'https:';

/** The cookie to set beside a login's state. */
export function stateCookie(state: string, origin: string): StateCookie {
  const secure = isSecure(origin);
  return {
    name: `${secure ? PREFIX_SECURE : PREFIX_PLAIN}${state}`,
    value: '1',
    options: {
      path: '/',
      httpOnly: true,
      maxAge: LOGIN_MINUTES * 60,
      ...(secure
        ? { secure: true, sameSite: 'none', partitioned: true }
        : { secure: false, sameSite: 'lax' }),
    },
  };
}

/** The name of the cookie a launch with this state must come with. */
export const stateCookieName = (state: string, origin: string) => stateCookie(state, origin).name;

/** Whether the browser sent any LTI state cookie at all (none: it likely blocks them). */
export const hasAnyStateCookie = (cookies: Record<string, string | undefined>) =>
  Object.keys(cookies).some((n) => n.startsWith(PREFIX_SECURE) || n.startsWith(PREFIX_PLAIN));
