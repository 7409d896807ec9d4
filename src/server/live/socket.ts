import type { WebSocket } from 'ws';
import type { Account } from '../../room/accounts.ts';
import { MAX_MESSAGE_BYTES } from '../../room/limits.ts';
import {
  type ClientMessage,
  clientMessageSchema,
  codeSchema,
  type ServerMessage,
} from '../../room/protocol.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { parseOrRefuse } from '../parse.ts';
import { asFacilitator, asPlayer } from '../rooms/auth.ts';
import { decide } from '../rooms/decide.ts';
import { ownGame, playerById } from '../rooms/players.ts';
import { publicRoom } from '../rooms/rows.ts';
import { scenarioOfRoom } from '../rooms/scenarios.ts';
import { viewOfRoom } from '../rooms/views.ts';
import type { Hub, LiveClient } from './hub.ts';
import { windowLimiter } from './limiter.ts';
import type { Presence } from './presence.ts';

// One WebSocket of a room: the first message says who is there (`hello` with a player token
// or the admin secret), then a trainee sends decisions. Messages are handled one at a time,
// in the order they came, and every one is checked (size, JSON, schema) before anything
// else; a refusal is an `error` message, and nothing of a refused message is stored.

export interface LiveOptions {
  db: Database;
  hub: Hub;
  presence: Presence;
  /** messages allowed per connection in RATE_WINDOW_MS */
  rate: number;
  /** the account signed in on the browser that opened the socket (its cookie), if any */
  signedIn: () => Promise<Account | null>;
}

export const RATE_WINDOW_MS = 10_000;
/** close codes: 1008 policy violation (the flood), 4401 not authorised, 4404 no room */
const CLOSE_FLOOD = 1008;

type Joined =
  | { role: 'player'; roomId: string; playerId: string; connectionId: string }
  | { role: 'facilitator'; roomId: string };

export function serveSocket(socket: WebSocket, rawCode: string, options: LiveOptions): void {
  const { db, hub, presence } = options;
  const limiter = windowLimiter(options.rate, RATE_WINDOW_MS);
  let joined: Joined | null = null;
  let queue = Promise.resolve();

  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const refuse = (err: unknown) => {
    const e =
      err instanceof RoomError
        ? err
        : new RoomError('internal', 'the server failed to handle this');
    if (!(err instanceof RoomError)) console.error(err);
    send({ type: 'error', error: e.code, message: e.message });
  };
  const client: LiveClient = {
    role: 'player',
    send,
    close: (code, reason) => socket.close(code, reason),
  };

  const code = codeSchema.safeParse(rawCode);
  if (!code.success) {
    refuse(new RoomError('no_room', `"${rawCode.slice(0, 12)}" is not a room code`));
    socket.close(4404, 'no such room');
    return;
  }

  async function handle(msg: ClientMessage): Promise<void> {
    if (msg.type === 'ping') return send({ type: 'pong' });
    if (msg.type === 'hello') {
      if (joined) throw new RoomError('not_allowed', 'this socket has said hello already');
      if (msg.role === 'facilitator') {
        const room = await asFacilitator(
          db,
          code.data!,
          msg.secret !== undefined
            ? { secret: msg.secret, account: null }
            : { secret: null, account: await options.signedIn() },
        );
        client.role = 'facilitator';
        joined = { role: 'facilitator', roomId: room.id };
        hub.add(room.id, client);
        return send({ type: 'welcome', role: 'facilitator', view: await viewOfRoom(db, room) });
      }
      const { room, playerId } = await asPlayer(db, code.data!, msg.token);
      const connectionId = await presence.connected(room.id, playerId);
      // joined before the welcome is read, so no event between the two is missed
      joined = { role: 'player', roomId: room.id, playerId, connectionId };
      hub.add(room.id, client);
      const game = ownGame(
        await scenarioOfRoom(db, room),
        room.seed,
        await playerById(db, playerId),
      );
      return send({ type: 'welcome', role: 'player', room: publicRoom(room), game });
    }
    if (!joined)
      throw new RoomError('not_joined', 'say hello first, with a player token or the admin secret');
    if (joined.role !== 'player') throw new RoomError('not_allowed', 'only trainees decide');
    const game = await decide(db, joined.roomId, joined.playerId, msg);
    send({ type: 'accepted', game });
  }

  function received(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (!limiter.take()) {
      send({
        type: 'error',
        error: 'rate_limited',
        message: `more than ${options.rate} messages in ${RATE_WINDOW_MS / 1000} seconds: the connection is closed; reconnect and slow down`,
      });
      socket.close(CLOSE_FLOOD, 'rate limited');
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    let msg: ClientMessage;
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
      msg = parseOrRefuse(clientMessageSchema, json, 'the message');
    } catch (err) {
      refuse(err);
      return;
    }
    queue = queue.then(() => handle(msg).catch(refuse));
  }

  function disconnect(): Promise<void> {
    const was = joined;
    if (!was) return Promise.resolve();
    hub.remove(was.roomId, client);
    if (was.role !== 'player') return Promise.resolve();
    return presence
      .disconnected(was.roomId, was.playerId, was.connectionId)
      .catch((err: unknown) => {
        // the room was deleted meanwhile: its rows went with it
        if (!(err instanceof RoomError)) console.error(err);
      });
  }

  socket.on('message', received);
  socket.on('close', () => {
    queue = queue.then(disconnect);
  });
}
