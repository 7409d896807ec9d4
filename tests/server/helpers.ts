import { WebSocket } from 'ws';
import { type ServerMessage, serverMessageSchema } from '../../src/room/protocol.ts';
import { buildServer, type RoomServer, type ServerOptions } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';

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

export async function startServer(
  db: Database,
  options: Partial<Omit<ServerOptions, 'db'>> = {},
): Promise<Running> {
  const server = await buildServer({
    db,
    distDir: null,
    ttlHours: 1,
    sweepSeconds: 3600,
    rateLimit: 10_000,
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

export async function json<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; secret?: string; raw?: string } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined || init.raw !== undefined)
    headers['content-type'] = 'application/json';
  if (init.secret) headers.authorization = `Bearer ${init.secret}`;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.raw !== undefined
      ? { body: init.raw }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
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

export async function join(base: string, code: string, name: string) {
  const res = await json<{ playerId: string; playerToken: string }>(
    base,
    `/api/rooms/${code}/players`,
    {
      body: { name },
    },
  );
  if (res.status !== 201) throw new Error(`not joined: ${JSON.stringify(res.body)}`);
  return { id: res.body.playerId, token: res.body.playerToken };
}

/**
 * A client's socket: every message the server sends is checked against the protocol's
 * schema (a message the page could not parse fails the test), and kept for `next`.
 */
export class Live {
  readonly received: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(String(data)));
      if (!parsed.success) throw new Error(`off-protocol message: ${String(data)}`);
      this.received.push(parsed.data);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static open(url: string): Promise<Live> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const live = new Live(socket);
      socket.once('open', () => resolve(live));
      socket.once('error', reject);
    });
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first kept message of `type` that matches, waiting for it up to `ms`. */
  next<T extends ServerMessage['type']>(
    type: T,
    match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    ms = 10_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return this.take(
      (m) => m.type === type && match(m as Extract<ServerMessage, { type: T }>),
      `${type}`,
      ms,
    ) as Promise<Extract<ServerMessage, { type: T }>>;
  }

  /** The next message, whatever it is. */
  any(ms = 10_000): Promise<ServerMessage> {
    return this.take(() => true, 'any message', ms);
  }

  /** Sends a message and waits for its answer: the first `type` or `error` message. */
  ask<T extends ServerMessage['type']>(message: unknown, type: T) {
    this.send(message);
    return this.take((m) => m.type === type || m.type === 'error', `${type} or error`) as Promise<
      Extract<ServerMessage, { type: T | 'error' }>
    >;
  }

  private async take(match: (m: ServerMessage) => boolean, what: string, ms = 10_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.received.findIndex(match);
      if (i >= 0) return this.received.splice(i, 1)[0]!;
      if (this.closed) throw new Error(`closed (${this.closed.code}) before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no ${what} within ${ms} ms; got ${JSON.stringify(this.received).slice(0, 500)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
