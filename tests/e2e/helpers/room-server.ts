import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { tempDir } from '../../helpers/temp.ts';
import { ROOT } from './game.ts';

// The real room server for browser tests: `src/server/main.ts` as `npm start` runs it, on a
// free port, serving the site the test run built (DIST_DIR) with its own embedded database
// in a fresh temporary folder. The limits are raised: every test browser is 127.0.0.1.

export interface RoomServer {
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * `again` restarts a stopped server on its port and database, as after a crash; `env` adds
 * settings (accounts, for instance).
 */
export async function startRoomServer(
  again?: RoomServer,
  env: Record<string, string> = {},
): Promise<RoomServer> {
  const dataDir = again?.dataDir ?? tempDir('room-db');
  const child: ChildProcess = spawn(process.execPath, ['scripts/cli.mjs', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: again ? new URL(again.base).port : '0',
      HOST: '127.0.0.1',
      TOW_DATA_DIR: dataDir,
      DIST_DIR: process.env.DIST_DIR ?? 'dist',
      TOW_RATE_LIMIT: '100000',
      TOW_NETWORK_RATE_LIMIT: '1000000',
      TOW_WS_RATE: '1000',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the room server did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the room server exited (${code}):\n${output}`));
    });
  });
  return {
    base,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The room server for every test of the file this is called in: started before the first,
 * stopped after the last, with `env` over the defaults above. Read `base` in the tests (or
 * in a `beforeAll` declared after this call, which runs once the server is up).
 */
export function roomServerForFile(env: Record<string, string> = {}): { readonly base: string } {
  let server: RoomServer | null = null;
  test.beforeAll(async () => {
    server = await startRoomServer(undefined, env);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get base() {
      if (!server) throw new Error('the room server is read before it started');
      return server.base;
    },
  };
}

/** POSTs `body` to the server's API and answers what it made; anything but 201 throws. */
async function made<T>(base: string, path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A room made through the API, as the facilitator's page makes it. */
export async function createRoom(
  base: string,
  body: Record<string, unknown>,
): Promise<{ code: string; adminSecret: string }> {
  const room = await made<{ room: { code: string }; adminSecret: string }>(base, 'api/rooms', body);
  return { code: room.room.code, adminSecret: room.adminSecret };
}

/** An assessed assignment made through the API (no accounts set): each trainee's personal link. */
export async function createAssessment(
  base: string,
  body: Record<string, unknown>,
): Promise<{ id: string; links: string[] }> {
  const assignment = await made<{ assignment: { id: string }; trainees: { token: string }[] }>(
    base,
    'api/assignments',
    body,
  );
  const id = assignment.assignment.id;
  return { id, links: assignment.trainees.map((t) => `${base}?assess=${id}&t=${t.token}`) };
}

/** A facilitator's command to a room (open a quarter, release the debrief), which must be taken. */
export async function roomCommand(
  server: Pick<RoomServer, 'base'>,
  code: string,
  secret: string,
  body: unknown,
): Promise<void> {
  const res = await fetch(`${server.base}api/rooms/${code}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}
