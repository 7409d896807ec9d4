import { requireScope } from '../accounts/roles.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { type RoomRow, roomByCode } from './rows.ts';
import { hashSecret, matchesHash } from './secrets.ts';

// Who may do what: the facilitator is whoever holds the room's admin secret, or the
// facilitator account that made the room (an admin account runs every room); a trainee is
// whoever holds a player token of the room. Secrets are checked against stored hashes.

/** The room, if `who` holds its admin secret or may run it signed in; `unauthorized` or `forbidden` otherwise. */
export async function asFacilitator(q: Queryable, code: string, who: Credentials) {
  const room = await roomByCode(q, code);
  const { secret, account } = who;
  if (secret === null && account !== null) {
    requireScope(account, 'rooms');
    if (account.role !== 'admin' && room.created_by !== account.name)
      throw new RoomError(
        'forbidden',
        `room ${code} was made by ${room.created_by ?? 'someone not signed in'}, not ${account.name}: open it with its admin link`,
      );
    return room;
  }
  if (secret === null) {
    throw new RoomError(
      'unauthorized',
      "this needs the room's admin secret (Authorization: Bearer …), or signing in as the facilitator who made it",
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
