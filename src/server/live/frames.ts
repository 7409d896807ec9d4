import type { WebSocket } from 'ws';
import type { ZodType } from 'zod';
import { MAX_MESSAGE_BYTES } from '../../room/limits.ts';
import { RoomError } from '../errors.ts';
import { parseOrRefuse } from '../parse.ts';
import { windowLimiter } from './limiter.ts';

// What every live socket does with what it receives, a room's and HR's cohort's alike:
// each frame is checked (rate, size, text, JSON, the protocol's schema) before anything
// else, a refusal goes back as an `error` message with nothing of it kept, and the
// accepted messages are handled one at a time, in the order they came.

export const RATE_WINDOW_MS = 10_000;
/** close code of a flooding socket: 1008, policy violation */
const CLOSE_FLOOD = 1008;

export interface ErrorMessage {
  type: 'error';
  error: RoomError['code'];
  message: string;
}

/** The protocol's `error` message for `err`; anything but a RoomError is logged and hidden. */
export function errorMessage(err: unknown): ErrorMessage {
  if (!(err instanceof RoomError)) console.error(err);
  const e =
    err instanceof RoomError ? err : new RoomError('internal', 'the server failed to handle this');
  return { type: 'error', error: e.code, message: e.message };
}

export function sendJson(socket: WebSocket, message: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * Calls `handle` with each message of `schema` that `socket` receives, in order; `rate`
 * messages per RATE_WINDOW_MS at most. Returns a function that queues work after them.
 */
export function onMessages<M>(
  socket: WebSocket,
  schema: ZodType<M>,
  rate: number,
  handle: (msg: M) => Promise<void>,
): (after: () => Promise<void>) => void {
  const limiter = windowLimiter(rate, RATE_WINDOW_MS);
  let queue = Promise.resolve();
  const refuse = (err: unknown) => sendJson(socket, errorMessage(err));

  socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!limiter.take()) {
      sendJson(socket, {
        type: 'error',
        error: 'rate_limited',
        message: `more than ${rate} messages in ${RATE_WINDOW_MS / 1000} seconds: the connection is closed; reconnect and slow down`,
      });
      socket.close(CLOSE_FLOOD, 'rate limited');
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    let msg: M;
    try {
      if (bytes.length > MAX_MESSAGE_BYTES) {
        throw new RoomError(
          'too_large',
          `a message may have ${MAX_MESSAGE_BYTES} bytes; this one has ${bytes.length}`,
        );
      }
      if (isBinary) throw new RoomError('malformed', 'messages are JSON text, not binary');
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new RoomError('malformed', 'the message is not JSON');
      }
      msg = parseOrRefuse(schema, json, 'the message');
    } catch (err) {
      refuse(err);
      return;
    }
    queue = queue.then(() => handle(msg).catch(refuse));
  });
  return (after) => {
    queue = queue.then(after);
  };
}
