import { describe, expect, it } from 'vitest';
import { cohortServerMessageSchema } from '../../src/room/cohort-live.ts';
import type { AccountEntry } from '../../src/server/accounts/settings.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { tempDir } from '../helpers/temp.ts';
import { call, PASSWORDS, signedIn, signIn, testAccounts } from './account-helpers.ts';
import { createAssignment } from './assignment-helpers.ts';
import { serveDuringSuite, withServer } from './harness.ts';
import { createRoom, Live, PG_URL } from './helpers.ts';

// Signing in with an account from the environment (issue 18, HR's view on the server): the
// password checked, the session kept in the database (through a restart, until it expires
// or its holder signs out), each role let through where it may go and refused elsewhere,
// a cross-site request refused, and the secrets already handed out still working.

const SETUPS: { kind: string; open: () => Promise<Database> }[] = [
  (() => {
    // a folder, not memory, so the database can be closed and opened again as after a restart
    const dir = tempDir('accounts-db');
    return { kind: 'pglite', open: () => openDatabase({ dataDir: dir }) };
  })(),
  ...(PG_URL ? [{ kind: 'postgresql', open: () => openDatabase({ url: PG_URL }) }] : []),
];

type Err = { error: string; message: string };

describe.each(SETUPS)('accounts and roles on $kind', ({ open }) => {
  let accounts: AccountEntry[];
  const server = serveDuringSuite(open, async () => {
    accounts = await testAccounts();
    return { accounts, signInRate: 1000 };
  });

  it('signs in with the right password: an httpOnly, SameSite=Strict cookie, and the page learns who', async () => {
    const res = await signIn(server.base, 'hana', PASSWORDS.hana);
    expect(res.status).toBe(200);
    expect(res.body.account).toEqual({ name: 'hana', role: 'hr' });
    expect(res.setCookie).toMatch(/HttpOnly/i);
    expect(res.setCookie).toMatch(/SameSite=Strict/i);
    // over plain http (no https TOW_PUBLIC_URL) a Secure cookie would never come back
    expect(res.setCookie).not.toMatch(/Secure/i);
    const me = await call(server.base, '/api/session', { cookie: res.cookie });
    expect(me.body).toMatchObject({ account: { name: 'hana', role: 'hr' } });
    const nobody = await call(server.base, '/api/session');
    expect(nobody.body).toEqual({ account: null, expires: null });
  });

  it('refuses a wrong password and an unknown name alike, and sets no cookie', async () => {
    const wrong = await signIn(server.base, 'hana', 'not-her-password');
    const unknown = await signIn(server.base, 'mallory', PASSWORDS.hana);
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized', message: 'wrong name or password' });
      expect(res.cookie).toBeNull();
    }
    // another account's password is not this one's
    expect((await signIn(server.base, 'hana', PASSWORDS.ada)).status).toBe(401);
  });

  it('HR lists every assignment, with who made it, and opens any cohort without its secret', async () => {
    const hr = await signedIn(server.base, 'hana');
    const anonymous = await createAssignment(server.base, { title: 'Made with a secret only' });
    const made = await call<{ assignment: { id: string } }>(server.base, '/api/assignments', {
      cookie: hr,
      body: {
        title: 'Made by Hana',
        scenario: { kind: 'bundled', id: 'tutorial' },
        passMark: 50,
        attempts: 1,
        trainees: ['cy@example.com'],
      },
    });
    expect(made.status).toBe(201);
    const list = await call<{
      assignments: {
        assignment: { id: string; title: string };
        createdBy: string | null;
        trainees: number;
      }[];
    }>(server.base, '/api/assignments', { cookie: hr });
    expect(list.status).toBe(200);
    const byId = new Map(list.body.assignments.map((a) => [a.assignment.id, a]));
    expect(byId.get(anonymous.assignment.id)).toMatchObject({ createdBy: null, trainees: 2 });
    expect(byId.get(made.body.assignment.id)).toMatchObject({ createdBy: 'hana', trainees: 1 });

    const cohort = await call<{ trainees: { trainee: string }[] }>(
      server.base,
      `/api/assignments/${anonymous.assignment.id}/cohort`,
      { cookie: hr },
    );
    expect(cohort.status).toBe(200);
    expect(cohort.body.trainees.map((t) => t.trainee)).toEqual([
      'ana@example.com',
      'ben@example.com',
    ]);
    const csv = await fetch(
      `${server.base}/api/assignments/${anonymous.assignment.id}/cohort.csv`,
      {
        headers: { cookie: hr },
      },
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/ana@example\.com/);
  });

  it('refuses HR the LTI platforms and the live rooms, with a sentence naming the role', async () => {
    const hr = await signedIn(server.base, 'hana');
    const platforms = await call<Err>(server.base, '/api/lti/platforms', { cookie: hr });
    expect(platforms.status).toBe(403);
    expect(platforms.body.error).toBe('forbidden');
    expect(platforms.body.message).toMatch(/hana, a hr account.*admin accounts/);
    const register = await call<Err>(server.base, '/api/lti/platforms', {
      cookie: hr,
      body: { name: 'x' },
    });
    expect(register.status).toBe(403);
    expect((await call(server.base, '/api/rooms', { cookie: hr })).status).toBe(403);
  });

  it('lets only an admin remove a platform or one of its deployments: HR is refused and nothing goes', async () => {
    const ada = await signedIn(server.base, 'ada');
    const hr = await signedIn(server.base, 'hana');
    const made = await call<{ platform: { id: string } }>(server.base, '/api/lti/platforms', {
      cookie: ada,
      body: {
        name: 'Moodle, removal test',
        issuer: 'https://moodle.example.com',
        clientId: 'removal-test',
        deploymentIds: ['1', '2'],
        authUrl: 'https://moodle.example.com/auth',
        tokenUrl: 'https://moodle.example.com/token',
        jwksUrl: 'https://moodle.example.com/jwks',
      },
    });
    expect(made.status).toBe(201);
    const at = `/api/lti/platforms/${made.body.platform.id}`;
    const deployment = await call<Err>(server.base, `${at}/deployments/2`, {
      cookie: hr,
      method: 'DELETE',
    });
    expect(deployment.status).toBe(403);
    expect(deployment.body.message).toMatch(/hana, a hr account.*admin accounts/);
    const platform = await call<Err>(server.base, at, { cookie: hr, method: 'DELETE' });
    expect(platform.status).toBe(403);
    expect(platform.body.error).toBe('forbidden');
    // nobody signed in, no secret: refused too
    expect((await call(server.base, at, { method: 'DELETE' })).status).toBe(401);
    const listed = await call<{ platforms: { id: string; deploymentIds: string[] }[] }>(
      server.base,
      '/api/lti/platforms',
      { cookie: ada },
    );
    expect(
      listed.body.platforms.find((p) => p.id === made.body.platform.id)?.deploymentIds,
    ).toEqual(['1', '2']);
    // the admin's removal goes through, and the platform is gone from the list
    expect((await call(server.base, at, { cookie: ada, method: 'DELETE' })).status).toBe(204);
    const after = await call<{ platforms: { id: string }[] }>(server.base, '/api/lti/platforms', {
      cookie: ada,
    });
    expect(after.body.platforms.map((p) => p.id)).not.toContain(made.body.platform.id);
  });

  it('a facilitator makes and runs rooms, lists only their own, and cannot read grades', async () => {
    const fred = await signedIn(server.base, 'fred');
    const fiona = await signedIn(server.base, 'fiona');
    const made = await call<{ room: { code: string }; adminSecret: string }>(
      server.base,
      '/api/rooms',
      {
        cookie: fred,
        body: { scenario: { kind: 'bundled', id: 'silos' }, seed: '7', pacing: { mode: 'gated' } },
      },
    );
    expect(made.status).toBe(201);
    const code = made.body.room.code;
    const other = await createRoom(server.base);

    const mine = await call<{ rooms: { code: string; createdBy: string }[] }>(
      server.base,
      '/api/rooms',
      {
        cookie: fred,
      },
    );
    const codes = mine.body.rooms.map((r) => r.code);
    expect(codes).toContain(code);
    expect(codes).not.toContain(other.code);
    expect(new Set(mine.body.rooms.map((r) => r.createdBy))).toEqual(new Set(['fred']));

    // runs it without its secret
    expect((await call(server.base, `/api/rooms/${code}/admin`, { cookie: fred })).status).toBe(
      200,
    );
    const opened = await call<{ opened: number }>(server.base, `/api/rooms/${code}/commands`, {
      cookie: fred,
      body: { type: 'open-quarter', quarter: 1 },
    });
    expect(opened.status).toBe(200);
    // not another's room: neither Fiona's view of Fred's, nor Fred's of one made anonymously
    const foreign = await call<Err>(server.base, `/api/rooms/${code}/admin`, { cookie: fiona });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/made by fred, not fiona/);
    expect(
      (await call(server.base, `/api/rooms/${other.code}/admin`, { cookie: fred })).status,
    ).toBe(403);
    // the room's own secret still opens it, whoever is signed in
    expect(
      (
        await call(server.base, `/api/rooms/${other.code}/admin`, {
          cookie: fred,
          secret: other.secret,
        })
      ).status,
    ).toBe(200);

    // grades are not a facilitator's
    const assignment = await createAssignment(server.base);
    const cohort = await call<Err>(
      server.base,
      `/api/assignments/${assignment.assignment.id}/cohort`,
      {
        cookie: fred,
      },
    );
    expect(cohort.status).toBe(403);
    expect(cohort.body.message).toMatch(/fred, a facilitator account/);
    expect((await call(server.base, '/api/assignments', { cookie: fred })).status).toBe(403);
    expect(
      (
        await call(server.base, `/api/assignments/${assignment.assignment.id}/cohort.csv`, {
          cookie: fred,
        })
      ).status,
    ).toBe(403);
    // unless they hold the assignment's own secret, as before accounts
    expect(
      (
        await call(server.base, `/api/assignments/${assignment.assignment.id}/cohort`, {
          cookie: fred,
          secret: assignment.adminSecret,
        })
      ).status,
    ).toBe(200);
  });

  it('a facilitator opens the live dashboard of their room on the sign-in, from their own pages only', async () => {
    const fred = await signedIn(server.base, 'fred');
    const fiona = await signedIn(server.base, 'fiona');
    const made = await call<{ room: { code: string } }>(server.base, '/api/rooms', {
      cookie: fred,
      body: { scenario: { kind: 'bundled', id: 'silos' }, seed: '9', pacing: { mode: 'self' } },
    });
    const code = made.body.room.code;
    const url = `${server.base.replace('http', 'ws')}/api/rooms/${code}/live`;
    const origin = new URL(server.base).origin;
    const hello = { type: 'hello', role: 'facilitator' };

    const own = await Live.open(url, { cookie: fred, origin });
    const welcome = await own.ask(hello, 'welcome');
    expect(welcome).toMatchObject({ type: 'welcome', role: 'facilitator' });
    own.socket.close();

    const refusals: [Record<string, string>, string][] = [
      [{ origin }, 'unauthorized'], // not signed in
      [{ cookie: fiona, origin }, 'forbidden'], // another facilitator's room
      [{ cookie: fred, origin: 'https://evil.example' }, 'forbidden'], // another site's page
    ];
    for (const [headers, error] of refusals) {
      const sock = await Live.open(url, headers);
      const answer = await sock.ask(hello, 'welcome');
      expect(answer).toMatchObject({ type: 'error', error });
      sock.socket.close();
    }
  });

  it('HR follows a cohort live on the sign-in; a facilitator is refused', async () => {
    const hr = await signedIn(server.base, 'hana');
    const fred = await signedIn(server.base, 'fred');
    const made = await createAssignment(server.base);
    const url = `${server.base.replace('http', 'ws')}/api/assignments/${made.assignment.id}/live`;
    const origin = new URL(server.base).origin;
    const follow = await Live.openWith(url, cohortServerMessageSchema, { cookie: hr, origin });
    const first = await follow.ask({ type: 'hello' }, 'cohort');
    expect(first.type).toBe('cohort');
    if (first.type === 'cohort')
      expect(first.view.trainees.map((t) => t.trainee)).toEqual([
        'ana@example.com',
        'ben@example.com',
      ]);
    follow.socket.close();
    for (const [headers, error] of [
      [{ cookie: fred, origin }, 'forbidden'],
      [{ cookie: hr, origin: 'https://evil.example' }, 'forbidden'],
      [{ origin }, 'unauthorized'],
    ] as const) {
      const sock = await Live.openWith(url, cohortServerMessageSchema, headers);
      expect(await sock.ask({ type: 'hello' }, 'cohort')).toMatchObject({ type: 'error', error });
      sock.socket.close();
    }
  });

  it('an admin account does everything: platforms, every room, every assignment', async () => {
    const ada = await signedIn(server.base, 'ada');
    expect((await call(server.base, '/api/lti/platforms', { cookie: ada })).status).toBe(200);
    const room = await createRoom(server.base);
    expect((await call(server.base, `/api/rooms/${room.code}/admin`, { cookie: ada })).status).toBe(
      200,
    );
    expect((await call(server.base, '/api/assignments', { cookie: ada })).status).toBe(200);
  });

  it('refuses anonymous lists, and keeps the open routes and the secrets as they were', async () => {
    expect((await call<Err>(server.base, '/api/assignments')).body.error).toBe('unauthorized');
    expect((await call<Err>(server.base, '/api/rooms')).status).toBe(401);
    const a = await createAssignment(server.base);
    expect((await call(server.base, `/api/assignments/${a.assignment.id}/cohort`)).status).toBe(
      401,
    );
    expect(
      (
        await call(server.base, `/api/assignments/${a.assignment.id}/cohort`, {
          secret: a.adminSecret,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a change sent with the cookie from another site, or saying no origin', async () => {
    const fred = await signedIn(server.base, 'fred');
    const made = await call<{ room: { code: string } }>(server.base, '/api/rooms', {
      cookie: fred,
      body: { scenario: { kind: 'bundled', id: 'silos' }, seed: '8', pacing: { mode: 'self' } },
    });
    const code = made.body.room.code;
    for (const origin of ['https://evil.example', null]) {
      const del = await call<Err>(server.base, `/api/rooms/${code}`, {
        method: 'DELETE',
        cookie: fred,
        origin,
      });
      expect(del.status).toBe(403);
      expect(del.body.error).toBe('forbidden');
    }
    // the room is still there, and its maker's own page may delete it
    expect((await call(server.base, `/api/rooms/${code}/admin`, { cookie: fred })).status).toBe(
      200,
    );
    const hr = await signedIn(server.base, 'hana');
    const forged = await call<Err>(server.base, '/api/assignments', {
      cookie: hr,
      origin: 'http://127.0.0.1.evil.example',
      body: {
        title: 'Forged',
        scenario: { kind: 'bundled', id: 'tutorial' },
        passMark: 1,
        attempts: 1,
      },
    });
    expect(forged.status).toBe(403);
    // signing in from another site is refused too (no session planted in the victim's browser)
    const planted = await signIn(server.base, 'hana', PASSWORDS.hana, 'https://evil.example');
    expect(planted.status).toBe(403);
    expect(planted.cookie).toBeNull();
    expect(
      (await call(server.base, `/api/rooms/${code}`, { method: 'DELETE', cookie: fred })).status,
    ).toBe(204);
  });

  it('ends a session at sign-out and at its expiry', async () => {
    const hr = await signedIn(server.base, 'hana');
    expect((await call(server.base, '/api/assignments', { cookie: hr })).status).toBe(200);
    const out = await call(server.base, '/api/session', { method: 'DELETE', cookie: hr });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/tow_session=;/);
    // the old cookie, kept by someone, opens nothing any more
    expect((await call(server.base, '/api/assignments', { cookie: hr })).status).toBe(401);

    const later = await signedIn(server.base, 'hana');
    await server.db.query(
      "UPDATE account_sessions SET expires_at = now() - interval '1 second' WHERE name = 'hana'",
    );
    expect((await call(server.base, '/api/assignments', { cookie: later })).status).toBe(401);
    expect((await call(server.base, '/api/session', { cookie: later })).body).toMatchObject({
      account: null,
    });
  });

  it('keeps sessions through a restart of the server and its database', async () => {
    const hr = await signedIn(server.base, 'hana');
    await server.reopen();
    const me = await call(server.base, '/api/session', { cookie: hr });
    expect(me.body).toMatchObject({ account: { name: 'hana', role: 'hr' } });
    expect((await call(server.base, '/api/assignments', { cookie: hr })).status).toBe(200);
  }, 60_000);

  it('signs nobody in whose account was removed from the settings', async () => {
    const fred = await signedIn(server.base, 'fred');
    accounts = accounts.filter((a) => a.name !== 'fred');
    await server.restart({ accounts, signInRate: 1000 });
    expect((await call(server.base, '/api/session', { cookie: fred })).body).toMatchObject({
      account: null,
    });
    expect((await call(server.base, '/api/rooms', { cookie: fred })).status).toBe(401);
  });
});

describe('sign-in limits', () => {
  const server = serveDuringSuite(
    () => openDatabase({}),
    async () => ({ accounts: await testAccounts(), signInRate: 3 }),
  );

  it('refuses sign-in attempts over the rate limit, even with the right password', async () => {
    for (let i = 0; i < 3; i++)
      expect((await signIn(server.base, 'hana', `guess-${i}`)).status).toBe(401);
    const fourth = await signIn(server.base, 'hana', PASSWORDS.hana);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toBe('rate_limited');
    expect(fourth.cookie).toBeNull();
  });

  it('says signing in is off when no account is set', async () => {
    await withServer({ db: server.db }, async (bare) => {
      const res = await signIn(bare.base, 'hana', PASSWORDS.hana);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/TOW_ACCOUNTS/);
      // and says so before anyone tries: the pages ask it first
      expect((await call(bare.base, '/api/session')).body).toEqual({
        account: null,
        expires: null,
        signInOff: true,
      });
    });
  });
});

describe('the session cookie behind https', () => {
  it('is Secure when TOW_PUBLIC_URL is https, and requests must come from that address', async () => {
    const settings = { accounts: await testAccounts(), publicUrl: 'https://tow.example.com' };
    await withServer(settings, async (server) => {
      const own = await signIn(server.base, 'hana', PASSWORDS.hana, 'https://tow.example.com');
      expect(own.status).toBe(200);
      expect(own.setCookie).toMatch(/; Secure/i);
      // the server's loopback address is not its public one
      expect((await signIn(server.base, 'hana', PASSWORDS.hana)).status).toBe(403);
    });
  });
});
