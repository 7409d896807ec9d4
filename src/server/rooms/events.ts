import type { PlayerView } from '../../room/protocol.ts';
import type { Queryable } from '../db/database.ts';

// What happened in a room, announced to every server process through PostgreSQL's
// LISTEN/NOTIFY. The announcement is made inside the transaction that made the change, so
// it is heard only if the change is committed, and only after it is. Each process passes it
// to its own sockets of the room (live/hub.ts).

export const ROOM_CHANNEL = 'tow_room_events';

export type RoomEvent =
  /** pacing, open quarter or release changed: everyone reads the room again */
  | { kind: 'room' }
  /** a trainee joined, connected or left */
  | { kind: 'player'; player: PlayerView }
  | {
      kind: 'decision';
      player: PlayerView;
      quarter: number;
      situationId: string;
      choiceId: string;
      at: string;
    }
  | { kind: 'deleted' };

export interface Announcement {
  room: string;
  event: RoomEvent;
}

export async function announce(tx: Queryable, roomId: string, event: RoomEvent): Promise<void> {
  const payload: Announcement = { room: roomId, event };
  await tx.query('SELECT pg_notify($1, $2)', [ROOM_CHANNEL, JSON.stringify(payload)]);
}
