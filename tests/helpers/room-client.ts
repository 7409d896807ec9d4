import { WebSocket } from 'ws';
import type { ZodType } from 'zod';
import { type ServerMessage, serverMessageSchema } from '../../src/room/protocol.ts';

// A room server's client as the tests play it: JSON requests, joining a room, and a
// trainee's or facilitator's socket whose every message is checked against the protocol.
// Nothing here loads the server, so the browser tests use it too (to play trainees that
// need no browser of their own).

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
export class Live<M extends { type: string } = ServerMessage> {
  readonly received: M[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly socket: WebSocket,
    schema: ZodType<M>,
  ) {
    socket.on('message', (data) => {
      const parsed = schema.safeParse(JSON.parse(String(data)));
      if (!parsed.success) throw new Error(`off-protocol message: ${String(data)}`);
      this.received.push(parsed.data);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  /** `headers`: what a browser adds to the upgrade (its cookie, its page's Origin) */
  static open(url: string, headers: Record<string, string> = {}): Promise<Live> {
    return Live.openWith(url, serverMessageSchema, headers);
  }

  /** A socket of another live protocol than the room's (HR's cohort). */
  static openWith<N extends { type: string }>(
    url: string,
    schema: ZodType<N>,
    headers: Record<string, string> = {},
  ): Promise<Live<N>> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const live = new Live<N>(socket, schema);
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
  next<T extends M['type']>(
    type: T,
    match: (m: Extract<M, { type: T }>) => boolean = () => true,
    ms = 10_000,
  ): Promise<Extract<M, { type: T }>> {
    return this.take(
      (m) => m.type === type && match(m as Extract<M, { type: T }>),
      `${type}`,
      ms,
    ) as Promise<Extract<M, { type: T }>>;
  }

  /** The next message, whatever it is. */
  any(ms = 10_000): Promise<M> {
    return this.take(() => true, 'any message', ms);
  }

  /** Sends a message and waits for its answer: the first `type` or `error` message. */
  ask<T extends M['type']>(message: unknown, type: T) {
    this.send(message);
    return this.take((m) => m.type === type || m.type === 'error', `${type} or error`) as Promise<
      Extract<M, { type: T | 'error' }>
    >;
  }

  private async take(match: (m: M) => boolean, what: string, ms = 10_000) {
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
