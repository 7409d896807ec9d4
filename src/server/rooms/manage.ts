import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { MAX_PLAYERS_PER_ROOM } from '../../room/limits.ts';
import type {
  CreateRoomResponse,
  createRoomRequestSchema,
  JoinResponse,
  PublicRoom,
  RoomCommand,
} from '../../room/protocol.ts';
import { MODEL_VERSION } from '../../sim/index.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { asFacilitator } from './auth.ts';
import { announce } from './events.ts';
import { refuseOtherModel } from './model.ts';
import { playerById, playerView } from './players.ts';
import { publicRoom, roomByCode, roomById } from './rows.ts';
import { rememberScenario, requestedScenario, scenarioOfRoom } from './scenarios.ts';
import { hashSecret, newJoinCode, newSecret } from './secrets.ts';

// A room's life as the facilitator and trainees drive it over HTTP: made, joined, paced,
// released, deleted. Each change is one transaction that also announces it (events.ts).

type CreateRoom = z.output<typeof createRoomRequestSchema>;

const UNIQUE_VIOLATION = '23505';
const isUnique = (err: unknown, constraint: string): boolean =>
  (err as { code?: string }).code === UNIQUE_VIOLATION &&
  String(
    (err as { constraint?: string; message?: string }).constraint ?? (err as Error).message,
  ).includes(constraint);

export async function createRoom(
  db: Database,
  req: CreateRoom,
  ttlHours: number,
  /** the signed-in account making it, if any */
  createdBy: string | null = null,
): Promise<CreateRoomResponse> {
  const s = requestedScenario(req.scenario);
  const adminSecret = newSecret();
  const id = randomUUID();
  // a fresh code clashes with a live one about once in tens of millions; try again then
  for (let attempt = 0; ; attempt++) {
    try {
      await db.query(
        `INSERT INTO rooms (id, code, admin_hash, scenario_id, scenario_title, scenario_quarters,
           scenario_hash, scenario_source, scenario_file, scenario_text, seed, pacing, release,
           expires_at, created_by, model)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
           now() + make_interval(secs => $14), $15, $16)`,
        [
          id,
          newJoinCode(),
          hashSecret(adminSecret),
          s.scenario.id,
          s.scenario.title,
          s.scenario.quarters,
          s.hash,
          s.source,
          s.file,
          s.text,
          req.seed,
          JSON.stringify(req.pacing),
          JSON.stringify(req.release),
          ttlHours * 3600,
          createdBy,
          MODEL_VERSION,
        ],
      );
      break;
    } catch (err) {
      if (attempt < 5 && isUnique(err, 'rooms_code_key')) continue;
      throw err;
    }
  }
  const room = await roomById(db, id);
  rememberScenario(id, s.scenario);
  return { room: publicRoom(room), adminSecret, warnings: s.warnings };
}

export async function joinRoom(db: Database, code: string, name: string): Promise<JoinResponse> {
  const token = newSecret();
  const playerId = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const room = await roomByCode(tx, code);
      refuseOtherModel(room, 'Nobody can join it with this version of the game');
      // the room's row, locked, makes joins to one room take turns, so the cap holds; and a
      // join that waited on the facilitator ending play reads the room as it is now
      const locked = await roomById(tx, room.id, true);
      if (locked.ended_at !== null) {
        throw new RoomError(
          'room_ended',
          `play has ended in room ${locked.code}: its facilitator released the debrief, so the room takes nobody new`,
        );
      }
      const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM players WHERE room_id = $1',
        [room.id],
      );
      if (n >= MAX_PLAYERS_PER_ROOM) {
        throw new RoomError('room_full', `the room has its ${MAX_PLAYERS_PER_ROOM} trainees`);
      }
      await tx.query(
        'INSERT INTO players (id, room_id, name, token_hash) VALUES ($1, $2, $3, $4)',
        [playerId, room.id, name, hashSecret(token)],
      );
      const scenario = await scenarioOfRoom(tx, room);
      const player = playerView(scenario, room.seed, await playerById(tx, playerId));
      await announce(tx, room.id, { kind: 'player', player });
      return { playerId, name, playerToken: token };
    });
  } catch (err) {
    if (isUnique(err, 'players_room_id_name_key')) {
      throw new RoomError(
        'name_taken',
        `someone in this room is already called "${name}"; add an initial`,
      );
    }
    throw err;
  }
}

export async function commandRoom(
  db: Database,
  code: string,
  who: Credentials,
  cmd: RoomCommand,
): Promise<PublicRoom> {
  return db.transaction(async (tx) => {
    const found = await asFacilitator(tx, code, who);
    const room = await roomById(tx, found.id, true);
    if (room.ended_at !== null && cmd.type !== 'release')
      throw new RoomError('not_allowed', 'play has ended in this room: no quarter opens any more');
    switch (cmd.type) {
      case 'open-quarter':
        if (room.pacing.mode !== 'gated') {
          throw new RoomError(
            'not_allowed',
            `quarters are opened by hand only in a gated room; this one is ${room.pacing.mode}`,
          );
        }
        await tx.query(
          'UPDATE rooms SET opened = greatest(opened, least($2::int, scenario_quarters)) WHERE id = $1',
          [room.id, cmd.quarter],
        );
        break;
      case 'start':
        if (room.pacing.mode !== 'timer') {
          throw new RoomError(
            'not_allowed',
            `only a timed room is started; this one is ${room.pacing.mode}`,
          );
        }
        if (room.started_at !== null)
          throw new RoomError('not_allowed', 'the room has started already');
        await tx.query('UPDATE rooms SET started_at = now() WHERE id = $1', [room.id]);
        break;
      case 'release':
        await tx.query('UPDATE rooms SET release = $2 WHERE id = $1', [
          room.id,
          JSON.stringify({ ...room.release, ...cmd.release }),
        ]);
        // the debrief released while the room plays ends play: whoever has not finished
        // stops where they are, rather than stay "deciding" beside a debrief the room reads
        if (cmd.release.debrief && !room.release.debrief)
          await tx.query('UPDATE rooms SET ended_at = coalesce(ended_at, now()) WHERE id = $1', [
            room.id,
          ]);
        break;
    }
    await announce(tx, room.id, { kind: 'room' });
    return publicRoom(await roomById(tx, room.id));
  });
}

export async function deleteRoom(db: Database, code: string, who: Credentials) {
  await db.transaction(async (tx) => {
    const room = await asFacilitator(tx, code, who);
    await tx.query('DELETE FROM rooms WHERE id = $1', [room.id]);
    await announce(tx, room.id, { kind: 'deleted' });
  });
}

/** Deletes expired rooms with all their data, and the sockets of processes that stopped; returns the rooms' count. */
export async function sweep(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx.query<{ id: string }>(
      'DELETE FROM rooms WHERE expires_at <= now() RETURNING id',
    );
    for (const { id } of gone) await announce(tx, id, { kind: 'deleted' });
    await tx.query("DELETE FROM server_instances WHERE seen_at < now() - interval '5 minutes'");
    return gone.length;
  });
}
