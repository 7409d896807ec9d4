import { hashPassword, MIN_N } from '../../src/server/accounts/password.ts';
import { type AccountEntry, parseAccounts } from '../../src/server/accounts/settings.ts';

// Accounts as an admin lists them in TOW_ACCOUNTS, and requests made as a signed-in browser
// makes them: the session cookie sent back, and the page's own Origin on every change.

export const PASSWORDS = {
  hana: 'hr-password-hana-1',
  fred: 'facilitator-password-fred',
  fiona: 'facilitator-password-fiona',
  ada: 'admin-password-ada-123',
} as const;

const ROLES = { hana: 'hr', fred: 'facilitator', fiona: 'facilitator', ada: 'admin' } as const;

/** The TOW_ACCOUNTS text for the four test accounts (hashed at the cheapest accepted cost, for speed). */
export async function accountsText(): Promise<string> {
  const lines = [];
  for (const [name, password] of Object.entries(PASSWORDS))
    lines.push(
      `${name} ${ROLES[name as keyof typeof ROLES]} ${await hashPassword(password, { N: MIN_N, r: 8, p: 1 })}`,
    );
  return lines.join('\n');
}

export async function testAccounts(): Promise<AccountEntry[]> {
  return parseAccounts(await accountsText(), 'TOW_ACCOUNTS', /\n/);
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallInit {
  method?: string;
  body?: unknown;
  cookie?: string | null;
  /** the Origin header; undefined: the server's own (as its pages send); null: none */
  origin?: string | null | undefined;
  secret?: string;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: CallInit = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin !== null) headers.origin = init.origin ?? new URL(base).origin;
  if (init.secret) headers.authorization = `Bearer ${init.secret}`;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** Signs in; the cookie to send back (null when refused) and the raw Set-Cookie line. */
export async function signIn(base: string, name: string, password: string, origin?: string | null) {
  const res = await call<{
    account?: { name: string; role: string };
    error?: string;
    message?: string;
  }>(base, '/api/session', { body: { name, password }, origin });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('tow_session=')) ?? null;
  return { ...res, setCookie, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

export async function signedIn(base: string, name: keyof typeof PASSWORDS): Promise<string> {
  const res = await signIn(base, name, PASSWORDS[name]);
  if (res.status !== 200 || !res.cookie) throw new Error(`${name} not signed in: ${res.status}`);
  return res.cookie;
}
