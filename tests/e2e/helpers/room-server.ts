import { type ChildProcess, spawn } from 'node:child_process';
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

/** A room made through the API, as the facilitator's page makes it. */
export async function createRoom(
  base: string,
  body: Record<string, unknown>,
): Promise<{ code: string; adminSecret: string }> {
  const res = await fetch(`${base}api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`creating a room: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { room: { code: string }; adminSecret: string };
  return { code: json.room.code, adminSecret: json.adminSecret };
}
