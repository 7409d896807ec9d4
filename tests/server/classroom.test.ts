import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { tempDir } from '../helpers/temp.ts';
import { type SuiteServer, serveDuringSuite } from './harness.ts';
import { createRoom, json } from './helpers.ts';

// A workshop as it really reaches the server: the facilitator and the whole class from one
// office address (NAT), on the server's default limits. Each trainee's first visit loads
// the built site (the offline cache fetches every file: about 160 requests in the real
// build), then joins the room as the game page does. And one client flooding the API is
// stopped, with a sentence saying what happened and how long to wait.

const CLASS = 40;
/** the real build's first visit: the page, the service worker, its precache of the assets */
const ASSET_FILES = 150;
/** a browser's connections to one host */
const BROWSER_CONNECTIONS = 6;

const defaults = readEnv({});

/** A built site with as many files as the real one's first visit fetches. */
function builtSite(): { dir: string; files: string[] } {
  const dir = tempDir('classroom-site');
  mkdirSync(joinPath(dir, 'assets'), { recursive: true });
  const files = ['index.html', 'workshop.html', 'sw.js', 'manifest.webmanifest'];
  for (const f of files) writeFileSync(joinPath(dir, f), `<!-- ${f} -->`);
  for (let i = 0; i < ASSET_FILES; i++) {
    const name = `assets/chunk-${i}.js`;
    writeFileSync(joinPath(dir, name), `export const n = ${i};`);
    files.push(name);
  }
  return { dir, files };
}

const site = builtSite();

/** Every file of the site, as a browser fetches them: a few at a time. Returns the statuses. */
async function loadSite(base: string): Promise<number[]> {
  const statuses: number[] = [];
  const queue = [...site.files];
  await Promise.all(
    Array.from({ length: BROWSER_CONNECTIONS }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const res = await fetch(`${base}/${file}`);
        await res.arrayBuffer();
        statuses.push(res.status);
      }
    }),
  );
  return statuses;
}

/** What the game page does to join: the probe, the room's scenario, the join, the socket. */
async function joinAsThePageDoes(server: SuiteServer, code: string, name: string) {
  const probe = await fetch(`${server.base}/healthz`);
  await probe.arrayBuffer();
  const scenario = await json(server.base, `/api/rooms/${code}/scenario`);
  const joined = await json<{ playerToken: string; message?: string }>(
    server.base,
    `/api/rooms/${code}/players`,
    { body: { name } },
  );
  if (joined.status !== 201)
    return {
      probe: probe.status,
      scenario: scenario.status,
      joined: joined.status,
      message: joined.body.message,
      welcome: null,
    };
  const live = await server.live(code);
  const welcome = await live.ask(
    { type: 'hello', role: 'player', token: joined.body.playerToken },
    'welcome',
  );
  const closed = new Promise((resolve) => live.socket.once('close', resolve));
  live.close();
  await closed;
  return {
    probe: probe.status,
    scenario: scenario.status,
    joined: joined.status,
    welcome: welcome.type,
  };
}

describe('a class behind one address, on the default limits', () => {
  const server = serveDuringSuite(() => openDatabase({}), {
    distDir: site.dir,
    rateLimit: defaults.TOW_RATE_LIMIT,
    networkRateLimit: defaults.TOW_NETWORK_RATE_LIMIT,
  });

  it(`lets ${CLASS} trainees load the site and join one room, every one of them`, async () => {
    // the facilitator opens the workshop page and makes the room
    expect(new Set(await loadSite(server.base))).toEqual(new Set([200]));
    const room = await createRoom(server.base);
    const trainees = await Promise.all(
      Array.from({ length: CLASS }, async (_, i) => {
        const files = await loadSite(server.base);
        return { files, ...(await joinAsThePageDoes(server, room.code, `Trainee ${i + 1}`)) };
      }),
    );
    for (const [i, t] of trainees.entries()) {
      expect(new Set(t.files), `trainee ${i + 1}'s files`).toEqual(new Set([200]));
      expect(t, `trainee ${i + 1}`).toMatchObject({
        probe: 200,
        scenario: 200,
        joined: 201,
        welcome: 'welcome',
      });
    }
    const view = await json<{ players: unknown[] }>(server.base, `/api/rooms/${room.code}/admin`, {
      secret: room.secret,
    });
    expect(view.body.players).toHaveLength(CLASS);
  }, 300_000);

  it('stops a facilitator page flooding the API, and the class behind the same address goes on', async () => {
    const room = await createRoom(server.base);
    let refusal: {
      status: number;
      body: { error?: string; message?: string };
      headers: Headers;
    } | null = null;
    let served = 0;
    while (!refusal && served <= defaults.TOW_RATE_LIMIT) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, () =>
          json<{ error?: string; message?: string }>(server.base, `/api/rooms/${room.code}/admin`, {
            secret: room.secret,
          }),
        ),
      );
      served += batch.filter((r) => r.status === 200).length;
      refusal = batch.find((r) => r.status === 429) ?? null;
    }
    expect(served).toBe(defaults.TOW_RATE_LIMIT);
    expect(refusal?.body).toEqual({
      error: 'rate_limited',
      message: expect.stringMatching(
        /^too many requests from this browser: try again in \d+ seconds?$/,
      ),
    });
    const wait = Number(refusal?.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refusal?.body.message).toContain(`${wait} second`);
    // a trainee who arrives late, from the same address, still gets in
    expect(await joinAsThePageDoes(server, room.code, 'Late Lou')).toMatchObject({
      joined: 201,
      welcome: 'welcome',
    });
  }, 60_000);
});

describe('a client flooding the API without a token of its own', () => {
  const NETWORK = 60;
  const server = serveDuringSuite(() => openDatabase({}), {
    distDir: site.dir,
    rateLimit: defaults.TOW_RATE_LIMIT,
    networkRateLimit: NETWORK,
  });

  it('is stopped by the count of its address, a new made-up token each time or none', async () => {
    const room = await createRoom(server.base);
    const statuses: number[] = [];
    let last: { error?: string; message?: string } = {};
    for (let i = 0; i < NETWORK + 5; i++) {
      // a token it makes up each time would be a fresh client: the address still counts it
      const res = await json<{ error?: string; message?: string }>(
        server.base,
        `/api/rooms/${room.code}/results`,
        {
          ...(i % 2 ? { secret: randomBytes(16).toString('hex') } : {}),
        },
      );
      statuses.push(res.status);
      last = res.body;
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(NETWORK - 1);
    expect(statuses.slice(NETWORK - 1)).toEqual(Array(6).fill(429));
    expect(last).toEqual({
      error: 'rate_limited',
      message: expect.stringMatching(
        /^too many requests from your network: try again in \d+ seconds?$/,
      ),
    });
    // the page and its files still load, so the trainee reads that sentence, not a broken page
    expect(new Set(await loadSite(server.base))).toEqual(new Set([200]));
  });
});
