import { buildServer, type RoomServer, type ServerOptions } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { json, Live } from '../helpers/room-client.ts';

export { join, json, Live } from '../helpers/room-client.ts';

// The server under test, for real: a Fastify server listening on a free loopback port, on
// PGlite (always) and on PostgreSQL (when TOW_TEST_DATABASE_URL names one, as in CI).

export const PG_URL = process.env.TOW_TEST_DATABASE_URL;

export const DATABASES: { kind: string; open: () => Promise<Database> }[] = [
  { kind: 'pglite', open: () => openDatabase({}) },
  ...(PG_URL ? [{ kind: 'postgresql', open: () => openDatabase({ url: PG_URL }) }] : []),
];

export interface Running {
  base: string;
  db: Database;
  /** the server's signing keys, to rotate them in a test */
  signer: RoomServer['signer'];
  live(code: string): Promise<Live>;
  close(): Promise<void>;
}

/** what a test sets of the server's options, over the defaults `startServer` gives */
export type ServerSettings = Partial<Omit<ServerOptions, 'db'>>;

/** A server on `db`; tests start one through harness.ts, which also stops it. */
export async function startServer(db: Database, options: ServerSettings = {}): Promise<Running> {
  const server = await buildServer({
    db,
    distDir: null,
    ttlHours: 1,
    sweepSeconds: 3600,
    rateLimit: 10_000,
    networkRateLimit: 100_000,
    wsRate: 1000,
    ...options,
  });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    db,
    signer: server.signer,
    live: (code) => Live.open(`${base.replace('http', 'ws')}/api/rooms/${code}/live`),
    close: () => server.close(),
  };
}

export interface Room {
  code: string;
  secret: string;
  quarters: number;
}

export async function createRoom(base: string, body: Record<string, unknown> = {}): Promise<Room> {
  const res = await json<{
    room: { code: string; scenario: { quarters: number } };
    adminSecret: string;
  }>(base, '/api/rooms', {
    body: {
      scenario: { kind: 'bundled', id: 'silos' },
      seed: '7',
      pacing: { mode: 'self' },
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`room not made: ${JSON.stringify(res.body)}`);
  return {
    code: res.body.room.code,
    secret: res.body.adminSecret,
    quarters: res.body.room.scenario.quarters,
  };
}
