import type { WebSocket } from 'ws';
import type { Account } from '../../room/accounts.ts';
import { CLOSE_GONE, CLOSE_OTHER_MODEL, CLOSE_UNAUTHORISED } from '../../room/close-codes.ts';
import {
  type ClientMessage,
  clientMessageSchema,
  codeSchema,
  type ServerMessage,
} from '../../room/protocol.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { asFacilitator, asPlayer } from '../rooms/auth.ts';
import { decide } from '../rooms/decide.ts';
import { refuseOtherModel } from '../rooms/model.ts';
import { ownGame, playerById } from '../rooms/players.ts';
import { publicRoom } from '../rooms/rows.ts';
import { scenarioOfRoom } from '../rooms/scenarios.ts';
import { viewOfRoom } from '../rooms/views.ts';
import { errorMessage, onMessages, sendJson } from './frames.ts';
import type { Hub, LiveClient } from './hub.ts';
import type { Presence } from './presence.ts';

// One WebSocket of a room: the first message says who is there (`hello` with a player token
// or the admin secret), then a trainee sends decisions. Messages are handled one at a time,
// in the order they came, and every one is checked (size, JSON, schema) before anything
// else; a refusal is an `error` message, and nothing of a refused message is stored. A
// refused hello (no such room, a wrong key or token) is answered with the reason and the
// socket closed with a code the page takes as final: trying again would only be refused.

export interface LiveOptions {
  db: Database;
  hub: Hub;
  presence: Presence;
  /** messages allowed per connection in RATE_WINDOW_MS */
  rate: number;
  /** the account signed in on the browser that opened the socket (its cookie), if any */
  signedIn: () => Promise<Account | null>;
}

export { RATE_WINDOW_MS } from './frames.ts';

type Joined =
  | { role: 'player'; roomId: string; playerId: string; connectionId: string }
  | { role: 'facilitator'; roomId: string };

/** refusals of a hello that no new try can change, and the close code each ends the socket with */
const HELLO_REFUSALS: Partial<Record<RoomError['code'], number>> = {
  no_room: CLOSE_GONE,
  unauthorized: CLOSE_UNAUTHORISED,
  forbidden: CLOSE_UNAUTHORISED,
  wrong_room: CLOSE_UNAUTHORISED,
  other_model: CLOSE_OTHER_MODEL,
};

export function serveSocket(socket: WebSocket, rawCode: string, options: LiveOptions): void {
  const { db, hub, presence } = options;
  let joined: Joined | null = null;

  const send = (message: ServerMessage) => sendJson(socket, message);
  const client: LiveClient = {
    role: 'player',
    send,
    close: (code, reason) => socket.close(code, reason),
  };

  const code = codeSchema.safeParse(rawCode);
  if (!code.success) {
    send(errorMessage(new RoomError('no_room', `"${rawCode.slice(0, 12)}" is not a room code`)));
    socket.close(CLOSE_GONE, 'no such room');
    return;
  }

  async function handle(msg: ClientMessage): Promise<void> {
    if (msg.type === 'ping') return send({ type: 'pong' });
    if (msg.type === 'hello') {
      if (joined) throw new RoomError('not_allowed', 'this socket has said hello already');
      try {
        return await hello(msg);
      } catch (err) {
        const final = err instanceof RoomError ? HELLO_REFUSALS[err.code] : undefined;
        if (final === undefined) throw err;
        send(errorMessage(err));
        socket.close(final, 'not allowed');
        return;
      }
    }
    if (!joined)
      throw new RoomError('not_joined', 'say hello first, with a player token or the admin secret');
    if (joined.role !== 'player') throw new RoomError('not_allowed', 'only trainees decide');
    const game = await decide(db, joined.roomId, joined.playerId, msg);
    send({ type: 'accepted', game });
  }

  async function hello(msg: Extract<ClientMessage, { type: 'hello' }>): Promise<void> {
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
    refuseOtherModel(room, 'It cannot be played on with this version of the game');
    const connectionId = await presence.connected(room.id, playerId);
    // joined before the welcome is read, so no event between the two is missed
    joined = { role: 'player', roomId: room.id, playerId, connectionId };
    hub.add(room.id, client);
    const game = ownGame(await scenarioOfRoom(db, room), room.seed, await playerById(db, playerId));
    return send({ type: 'welcome', role: 'player', room: publicRoom(room), game });
  }

  const afterMessages = onMessages(socket, clientMessageSchema, options.rate, handle);

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

  socket.on('close', () => afterMessages(disconnect));
}
