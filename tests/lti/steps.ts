import { expect } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { json } from '../server/helpers.ts';
import { formFields, TestPlatform } from './platform.ts';

// A browser's steps through an LTI launch, by fetch: each answer as it came (no redirect
// followed), with the cookies it set, so a test can post them back as a browser would.

export interface Step {
  status: number;
  location: string | null;
  text: string;
  csp: string | null;
  /** the cookies set, as a Cookie header would send them back */
  cookies: string;
}

export async function step(url: string, init: RequestInit = {}): Promise<Step> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return {
    status: res.status,
    location: res.headers.get('location'),
    text: await res.text(),
    csp: res.headers.get('content-security-policy'),
    cookies: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/** A form posted as a browser would, with the cookies it holds (`cookie`). */
export const postForm = (url: string, fields: Record<string, string>, cookie = '') =>
  step(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });

/** A course link clicked: login at the tool, authorisation at the platform, launch at the tool. */
export async function launchFrom(platform: TestPlatform, targetLinkUri?: string): Promise<Step> {
  const login = await step(platform.loginUrl(targetLinkUri));
  expect(login.status, login.text).toBe(302);
  const auth = await step(login.location!);
  expect(auth.status, auth.text).toBe(200);
  const { action, fields } = formFields(auth.text);
  return postForm(action, fields, login.cookies);
}

export async function until<T>(what: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = what();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The tool's server on `db`, listening on a free port, with the test platform registered by
 * the server's admin (`admin`): where every LTI test starts.
 */
export async function toolWithPlatform(db: Database, admin: string) {
  const server = await buildServer({
    db,
    distDir: null,
    ttlHours: 1,
    sweepSeconds: 3600,
    rateLimit: 10_000,
    wsRate: 1000,
    adminSecret: admin,
    passbackSeconds: 3600,
  });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const platform = await TestPlatform.start(base);
  const reg = await json(base, '/api/lti/platforms', {
    body: platform.registration(),
    secret: admin,
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  return { server, base, platform };
}
