import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { migrations } from '../../src/server/db/migrate.ts';
import { playChoices, situationById } from '../../src/sim/index.ts';
import { createRoom, join, json, Live, PG_URL } from './helpers.ts';

// Past one machine: two server processes, started together on two ports against one new
// PostgreSQL database (so they also race to migrate it), a trainee on one and the
// facilitator on the other, who sees the trainee connect and every decision live. Without
// TOW_TEST_DATABASE_URL this is skipped (PGlite is one process's database); .ci/run starts
// a PostgreSQL and sets it, so CI always runs it.

if (!PG_URL) {
  console.warn(
    'two-processes.test.ts skipped: set TOW_TEST_DATABASE_URL (eval "$(bash scripts/test-postgres.sh start)") to run it',
  );
}

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;

function startProcess(url: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['scripts/cli.mjs', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        DIST_DIR: 'no-site-here',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start in 90 s: ${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += String(chunk);
      const m = /listening on (http:\/\/[\d.:]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe.skipIf(!PG_URL)('two server processes on one PostgreSQL', () => {
  const dbName = `tow_two_${process.pid}`;
  let url = '';
  const children: ChildProcess[] = [];
  let one = '';
  let two = '';

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(PG_URL!);
    u.pathname = `/${dbName}`;
    url = u.toString();
    const started = await Promise.all([startProcess(url), startProcess(url)]);
    children.push(...started.map((s) => s.child));
    [one, two] = started.map((s) => s.base) as [string, string];
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  });

  it('migrated the new database once, though both processes started together', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query('SELECT version FROM tow_migrations')).rows;
    await client.end();
    expect(rows).toEqual(migrations().map((m) => ({ version: m.version })));
    expect((await json(one, '/healthz')).body).toMatchObject({ database: 'postgresql' });
  });

  it('shows the facilitator on one process every decision of a trainee on the other, live', async () => {
    const room = await createRoom(one, { pacing: { mode: 'gated' } });
    const dash = await Live.open(`${two.replace('http', 'ws')}/api/rooms/${room.code}/live`);
    dash.send({ type: 'hello', role: 'facilitator', secret: room.secret });
    await dash.next('welcome');

    const ana = await join(one, room.code, 'Ana');
    await dash.next('player', (m) => m.player.id === ana.id && !m.player.connected);
    const sock = await Live.open(`${one.replace('http', 'ws')}/api/rooms/${room.code}/live`);
    await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    await dash.next('player', (m) => m.player.id === ana.id && m.player.connected);

    // the facilitator opens quarters on process two; the trainee on process one hears it
    const chosen: string[] = [];
    for (let q = 1; q <= room.quarters; q++) {
      await json(two, `/api/rooms/${room.code}/commands`, {
        body: { type: 'open-quarter', quarter: q },
        secret: room.secret,
      });
      await sock.next('room', (m) => m.room.openQuarter === q);
      const situation = situationById(silos, playChoices(silos, '7', chosen).situationId!);
      const choiceId = situation.choices[q % situation.choices.length]!.id;
      const answer = await sock.ask(
        { type: 'decide', quarter: q, situationId: situation.id, choiceId },
        'accepted',
      );
      expect(answer.type).toBe('accepted');
      chosen.push(choiceId);
      const seen = await dash.next('decision', (m) => m.quarter === q);
      expect(seen).toMatchObject({
        choiceId,
        situationId: situation.id,
        player: { id: ana.id, choices: chosen },
      });
    }
    sock.close();
    await dash.next('player', (m) => m.player.id === ana.id && !m.player.connected);
    dash.close();
  });
});
