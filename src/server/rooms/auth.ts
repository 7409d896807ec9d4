import type { Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { type RoomRow, roomByCode } from './rows.ts';
import { hashSecret, matchesHash } from './secrets.ts';

// Who may do what: the facilitator is whoever holds the room's admin secret; a trainee is
// whoever holds a player token of the room. Both are checked against stored hashes.

/** The room, if `secret` is its admin secret; `unauthorized` otherwise. */
export async function asFacilitator(q: Queryable, code: string, secret: string | null) {
  const room = await roomByCode(q, code);
  if (secret === null) {
    throw new RoomError(
      'unauthorized',
      "this needs the room's admin secret (Authorization: Bearer …)",
    );
  }
  if (!matchesHash(secret, room.admin_hash)) {
    throw new RoomError('unauthorized', "that is not this room's admin secret");
  }
  return room;
}

export interface PlayerIdentity {
  room: RoomRow;
  playerId: string;
}

/** The trainee whose token this is, in the room with this code. */
export async function asPlayer(
  q: Queryable,
  code: string,
  token: string | null,
): Promise<PlayerIdentity> {
  const room = await roomByCode(q, code);
  if (token === null) {
    throw new RoomError(
      'unauthorized',
      "this needs a trainee's player token (Authorization: Bearer …)",
    );
  }
  const rows = await q.query<{ id: string; room_id: string }>(
    'SELECT id, room_id FROM players WHERE token_hash = $1',
    [hashSecret(token)],
  );
  const player = rows[0];
  if (!player) throw new RoomError('unauthorized', 'no trainee has this player token');
  if (player.room_id !== room.id) {
    throw new RoomError('wrong_room', `this player token belongs to another room, not ${code}`);
  }
  return { room, playerId: player.id };
}
