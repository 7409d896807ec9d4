import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.ts';
import { announce } from '../rooms/events.ts';
import { playerById, playerView } from '../rooms/players.ts';
import { roomById } from '../rooms/rows.ts';
import { scenarioOfRoom } from '../rooms/scenarios.ts';

// Who is connected, kept in the database so every process can tell: a row per open socket,
// owned by this process, which proves it is alive every HEARTBEAT_MS (players.ts counts a
// socket only while its process has done so in the last 30 seconds).

const HEARTBEAT_MS = 10_000;

export class Presence {
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    await this.db.query('INSERT INTO server_instances (id) VALUES ($1)', [this.instanceId]);
    this.timer = setInterval(() => {
      this.db
        .query('UPDATE server_instances SET seen_at = now() WHERE id = $1', [this.instanceId])
        .catch((err: Error) => console.error(`heartbeat: ${err.message}`));
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.db.query('DELETE FROM server_instances WHERE id = $1', [this.instanceId]);
  }

  /** Records a trainee's socket and tells the room's facilitators; returns the socket's id. */
  async connected(roomId: string, playerId: string): Promise<string> {
    const id = randomUUID();
    await this.changed(roomId, playerId, (tx) =>
      tx.query('INSERT INTO connections (id, instance_id, player_id) VALUES ($1, $2, $3)', [
        id,
        this.instanceId,
        playerId,
      ]),
    );
    return id;
  }

  async disconnected(roomId: string, playerId: string, connectionId: string): Promise<void> {
    await this.changed(roomId, playerId, (tx) =>
      tx.query('DELETE FROM connections WHERE id = $1', [connectionId]),
    );
  }

  private async changed(
    roomId: string,
    playerId: string,
    change: (tx: Queryable) => Promise<unknown>,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await change(tx);
      const room = await roomById(tx, roomId);
      const player = playerView(
        await scenarioOfRoom(tx, room),
        room.seed,
        await playerById(tx, playerId),
      );
      await announce(tx, roomId, { kind: 'player', player });
    });
  }
}
