import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type RoomServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';

// The login's state cookie as a browser in a course's iframe needs it: on an https server it
// is Secure, SameSite=None (the launch is a cross-site form post), Partitioned (kept per
// course site where third-party cookies are partitioned), __Host- prefixed and httpOnly.

const ADMIN = 'admin-secret-for-the-cookie-test';
const TOOL = 'https://tool.example.org';

describe("the login's state cookie on an https server", () => {
  let db: Database;
  let server: RoomServer;
  beforeAll(async () => {
    db = await openDatabase({});
    server = await buildServer({
      db,
      distDir: null,
      ttlHours: 1,
      sweepSeconds: 3600,
      rateLimit: 10_000,
      wsRate: 1000,
      adminSecret: ADMIN,
      publicUrl: TOOL,
      passbackSeconds: 3600,
    });
    const reg = await server.app.inject({
      method: 'POST',
      url: '/api/lti/platforms',
      headers: { authorization: `Bearer ${ADMIN}` },
      payload: {
        name: 'LMS',
        issuer: 'https://lms.example.org',
        clientId: 'tool-1',
        deploymentIds: ['d1'],
        authUrl: 'https://lms.example.org/auth',
        tokenUrl: 'https://lms.example.org/token',
        jwksUrl: 'https://lms.example.org/jwks',
      },
    });
    expect(reg.statusCode, reg.body).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('is Secure, SameSite=None, Partitioned, httpOnly, __Host- and lives as long as the login', async () => {
    const query = new URLSearchParams({
      iss: 'https://lms.example.org',
      client_id: 'tool-1',
      login_hint: 'u1',
      target_link_uri: `${TOOL}/lti/launch`,
    });
    const res = await server.app.inject({ method: 'GET', url: `/lti/login?${query}` });
    expect(res.statusCode, res.body).toBe(302);
    const state = new URL(res.headers.location as string).searchParams.get('state')!;
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie.startsWith(`__Host-tow-lti-${state}=1;`)).toBe(true);
    const attributes = setCookie.split(/;\s*/).slice(1);
    expect(attributes).toEqual(
      expect.arrayContaining([
        'Max-Age=600',
        'Path=/',
        'HttpOnly',
        'Secure',
        'SameSite=None',
        'Partitioned',
      ]),
    );
    expect(setCookie).not.toMatch(/Domain=/i);
  });
});
