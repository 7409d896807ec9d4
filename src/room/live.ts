import type { z } from 'zod';
import { type ServerMessage, serverMessageSchema } from './protocol.ts';

// What both pages' live sockets share: reading what the server sends (parsed with the
// protocol's schema; anything else is dropped) and how long to wait before trying again.

/** A socket's text frame parsed with `schema`; null for anything else. */
export function readMessage<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> | null {
  if (typeof data !== 'string') return null;
  try {
    const msg = schema.safeParse(JSON.parse(data));
    return msg.success ? msg.data : null;
  } catch {
    return null;
  }
}

export const readServerMessage = (data: unknown): ServerMessage | null =>
  readMessage(serverMessageSchema, data);

/**
 * The wait before the next try after `attempts` failed ones: doubling from half a second to
 * ten, with jitter, so a room whose server restarts does not come back all at once.
 */
export function retryWaitMs(attempts: number): number {
  return Math.min(10_000, 500 * 2 ** attempts) * (0.5 + Math.random() / 2);
}
