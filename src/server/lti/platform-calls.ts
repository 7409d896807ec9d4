import { randomBytes } from 'node:crypto';
import type { ToolKey } from './tool-key.ts';

// The tool's calls to a platform's services (grade passback, the course's roster): an
// access token by OAuth 2 client credentials with a client assertion signed by the tool's
// key (LTI Security Framework §4.1), then the service itself, each with a time limit. A
// refusal or an answer the tool cannot use is a PlatformRefused with words for HR.

const TIMEOUT_MS = 10_000;

export class PlatformRefused extends Error {}

/** The platform's answer to a call, checked: the body's text, and its Link header. */
async function call(url: string, init: RequestInit): Promise<{ text: string; link: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  if (!res.ok)
    throw new PlatformRefused(
      `${new URL(url).pathname} answered ${res.status} ${text.slice(0, 200)}`,
    );
  return { text, link: res.headers.get('link') ?? '' };
}

export const post = async (
  url: string,
  body: string | URLSearchParams,
  headers: Record<string, string>,
): Promise<string> => (await call(url, { method: 'POST', headers, body })).text;

export const get = (url: string, headers: Record<string, string>) =>
  call(url, { method: 'GET', headers });

/** A token for `scope` from the platform's token endpoint. */
export async function accessToken(
  toolKey: ToolKey,
  platform: { client_id: string; token_url: string },
  scope: string,
): Promise<string> {
  const assertion = await toolKey.sign(
    {
      iss: platform.client_id,
      sub: platform.client_id,
      aud: platform.token_url,
      jti: randomBytes(16).toString('base64url'),
    },
    300,
  );
  const text = await post(
    platform.token_url,
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope,
    }),
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  );
  let token: unknown;
  try {
    token = (JSON.parse(text) as { access_token?: unknown }).access_token;
  } catch {
    throw new PlatformRefused('the token endpoint did not answer in JSON');
  }
  if (typeof token !== 'string')
    throw new PlatformRefused('the token endpoint gave no access_token');
  return token;
}

/** Why a call failed, in words for HR. */
export const failureWords = (err: unknown): string =>
  err instanceof PlatformRefused
    ? err.message
    : `the platform could not be reached (${(err as Error).message})`;
