import { CLOSE_GONE } from '../../room/close-codes.ts';
import type { ServerMessage } from '../../room/protocol.ts';
import type { Database } from '../db/database.ts';
import { type Announcement, ROOM_CHANNEL } from '../rooms/events.ts';
import { publicRoom, roomById } from '../rooms/rows.ts';
import { Subscribers } from './subscribers.ts';

// This process's sockets, by room, and the one place where room events reach them. Events
// come only from the database's notifications, including those this very process made, so
// a trainee on one process and their facilitator on another are served exactly like two on
// the same process.

export interface LiveClient {
  role: 'player' | 'facilitator';
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

export class Hub {
  private readonly rooms = new Subscribers<LiveClient>();

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    await this.db.listen(ROOM_CHANNEL, (payload) => {
      this.deliver(JSON.parse(payload) as Announcement).catch((err: Error) =>
        console.error(`room event: ${err.message}`),
      );
    });
  }

  add(roomId: string, client: LiveClient): void {
    this.rooms.add(roomId, client);
  }

  remove(roomId: string, client: LiveClient): void {
    this.rooms.remove(roomId, client);
  }

  get size(): number {
    return this.rooms.size;
  }

  private async deliver({ room: roomId, event }: Announcement): Promise<void> {
    const clients = this.rooms.of(roomId);
    if (!clients) return;
    const facilitators = () => [...clients].filter((c) => c.role === 'facilitator');
    switch (event.kind) {
      case 'room': {
        const room = publicRoom(await roomById(this.db, roomId));
        for (const c of clients) c.send({ type: 'room', room });
        break;
      }
      case 'player':
        for (const c of facilitators()) c.send({ type: 'player', player: event.player });
        break;
      case 'decision': {
        const { kind: _, ...decision } = event;
        for (const c of facilitators()) c.send({ type: 'decision', ...decision });
        break;
      }
      case 'deleted':
        for (const c of [...clients]) {
          c.send({ type: 'deleted' });
          c.close(CLOSE_GONE, 'the room was deleted');
        }
        this.rooms.drop(roomId);
        break;
    }
  }
}
