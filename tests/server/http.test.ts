import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAME_VERSION } from '../../src/record/version.ts';
import { healthSchema } from '../../src/room/protocol.ts';
import { migrations } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.ts';
import { MODEL_VERSION } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { serveDuringSuite } from './harness.ts';
import { json } from './helpers.ts';

// What every answer carries: the site's security headers (on pages, API answers and errors
// alike), the static hosting's caching, the health answer, and the API's rate limit.

const nginxPolicy = /Content-Security-Policy "([^"]+)"/.exec(
  readFileSync('docs/hosting/nginx.conf', 'utf8'),
)![1]!;

/** A built site of one page and one hashed asset. */
function site(): string {
  const dist = tempDir('server-site');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tug of War</title>');
  writeFileSync(join(dist, 'assets', 'game-abc123.js'), 'export {};');
  return dist;
}

describe('the server over HTTP', () => {
  const server = serveDuringSuite(
    () => openDatabase({ dataDir: tempDir('server-data') }),
    () => ({ distDir: site(), rateLimit: 40, networkRateLimit: 40 }),
  );

  it('answers /healthz with the version and the kind of database', async () => {
    const res = await json(server.base, '/healthz');
    expect(healthSchema.parse(res.body)).toEqual({
      ok: true,
      version: GAME_VERSION,
      model: MODEL_VERSION,
      database: 'pglite',
    });
  });

  it("puts the hosting guide's security headers on pages, API answers and errors", async () => {
    const expected = nginxPolicy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    const ours = Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => `${k} ${v.join(' ')}`);
    expect(ours).toEqual(expected);
    for (const path of [
      '/',
      '/assets/game-abc123.js',
      '/healthz',
      '/api/rooms/AAAAAA',
      '/api/rooms/x',
      '/nowhere',
    ]) {
      const res = await fetch(`${server.base}${path}`);
      const csp = res.headers
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim());
      expect(csp, path).toEqual(expected);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('serves the built site with the hosting guide caching', async () => {
    const page = await fetch(`${server.base}/`);
    expect(await page.text()).toContain('Tug of War');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${server.base}/assets/game-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('max-age=31536000');
  });

  it('stores an embedded database in its folder that a restart finds again', async () => {
    const dir = tempDir('server-restart');
    const one = await openDatabase({ dataDir: dir });
    await one.query(
      `INSERT INTO server_instances (id) VALUES ('00000000-0000-4000-8000-000000000001')`,
    );
    await one.close();
    const two = await openDatabase({ dataDir: dir });
    const rows = await two.query('SELECT version FROM tow_migrations');
    expect(rows).toEqual(migrations().map((m) => ({ version: m.version })));
    expect(await two.query('SELECT id FROM server_instances')).toHaveLength(1);
    await two.close();
  });

  it('answers an API flood with 429 rate_limited and the wait, room creation sooner', async () => {
    const made: number[] = [];
    let refusal: unknown = null;
    for (let i = 0; i < 6; i++) {
      const res = await json(server.base, '/api/rooms', {
        body: { scenario: { kind: 'bundled', id: 'silos' }, seed: '1', pacing: { mode: 'self' } },
      });
      made.push(res.status);
      if (res.status === 429) refusal = res.body;
    }
    expect(made).toEqual([201, 201, 201, 201, 429, 429]);
    expect(refusal).toMatchObject({
      error: 'rate_limited',
      message: expect.stringMatching(
        /^too many new rooms from your network: try again in \d+ seconds?$/,
      ),
    });
    let limited: { status: number; body: unknown; headers: Headers } | null = null;
    for (let i = 0; i < 45 && !limited; i++) {
      const res = await json(server.base, '/api/rooms/AAAAAA');
      if (res.status === 429) limited = res;
    }
    expect(limited?.body).toMatchObject({
      error: 'rate_limited',
      message: expect.stringMatching(
        /^too many requests from your network: try again in \d+ seconds?$/,
      ),
    });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    // the site, its files and the health probe are not counted: the page still loads
    for (const path of ['/', '/assets/game-abc123.js', '/healthz']) {
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async () => (await fetch(`${server.base}${path}`)).status),
      );
      expect(new Set(statuses), path).toEqual(new Set([200]));
    }
  });
});
