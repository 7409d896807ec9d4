import type { Decide, OwnGame } from '../../room/protocol.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { type Announcement, ROOM_CHANNEL } from './events.ts';
import { refuseOtherModel } from './model.ts';
import { ownGame, playerView, replayed } from './players.ts';
import { openQuarterOf, type RoomRow } from './rows.ts';
import { scenarioOfRoom } from './scenarios.ts';

// A trainee's decision: checked against the server's own replay of their game and stored,
// or refused with the reason. The trainee's page says only what it chose; what that did is
// computed here, by the same model the page runs. This is the server's busiest path, so it is
// two statements and no lock: read the room and the player's choices, then store and
// announce in one statement. Decisions are an append-only log keyed by player and quarter,
// and quarter n is accepted only after quarters 1..n-1 were read as stored, so two sockets
// of one trainee racing for the same quarter cannot both succeed: the primary key refuses
// the second (`duplicate`), and a room deleted meanwhile fails the foreign key (`no_room`).

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

type DecisionRow = Omit<RoomRow, 'admin_hash'> & { name: string; choices: string[] };

export async function decide(
  db: Database,
  roomId: string,
  playerId: string,
  msg: Decide,
): Promise<OwnGame> {
  try {
    return await decideOnce(db, roomId, playerId, msg);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === UNIQUE_VIOLATION) {
      throw new RoomError('duplicate', `quarter ${msg.quarter} is decided already`);
    }
    if (code === FOREIGN_KEY_VIOLATION) throw new RoomError('no_room', 'the room was deleted');
    throw err;
  }
}

async function decideOnce(db: Database, roomId: string, playerId: string, msg: Decide) {
  const [row] = await db.query<DecisionRow>(
    `SELECT r.id, r.code, r.model, r.scenario_id, r.scenario_title, r.scenario_quarters, r.scenario_hash,
           r.scenario_source, r.scenario_file, r.seed, r.pacing, r.opened, r.started_at, r.ended_at,
           r.release, r.expires_at, (extract(epoch FROM now()) * 1000)::float8 AS now_ms,
           p.name,
           coalesce((SELECT array_agg(d.choice_id ORDER BY d.quarter) FROM decisions d
                     WHERE d.player_id = p.id), '{}'::text[]) AS choices
         FROM players p JOIN rooms r ON r.id = p.room_id
         WHERE p.id = $1 AND r.id = $2 AND r.expires_at > now()`,
    [playerId, roomId],
  );
  if (!row) throw new RoomError('no_room', 'the room was deleted or has expired');
  refuseOtherModel(row, 'No decision can be played in it with this version of the game');
  const scenario = await scenarioOfRoom(db, row);
  const played = row.choices.length;
  const before = replayed(scenario, row.seed, row.choices);
  if (before.finished)
    throw new RoomError('game_over', 'the game is over: every quarter is decided');
  if (row.ended_at !== null)
    throw new RoomError(
      'game_over',
      'your facilitator has ended play and released the debrief: no more decisions are taken',
    );
  if (msg.quarter <= played) {
    throw new RoomError(
      'duplicate',
      `quarter ${msg.quarter} is decided already; the next is ${played + 1}`,
    );
  }
  if (msg.quarter > played + 1) {
    throw new RoomError(
      'out_of_order',
      `quarter ${msg.quarter} comes later; the next is ${played + 1}`,
    );
  }
  const open = openQuarterOf(row);
  if (msg.quarter > open) {
    throw new RoomError(
      'quarter_not_open',
      open === 0
        ? 'the room has not started: wait for the facilitator'
        : `quarter ${msg.quarter} is not open yet; quarters up to ${open} are`,
    );
  }
  const waiting = before.state.situationId!;
  if (msg.situationId !== waiting) {
    throw new RoomError(
      'out_of_order',
      `situation "${msg.situationId}" is not the one waiting ("${waiting}")`,
    );
  }
  const situation = scenario.situations.find((s) => s.id === waiting)!;
  if (!situation.choices.some((c) => c.id === msg.choiceId)) {
    throw new RoomError(
      'not_offered',
      `"${msg.choiceId}" is not a reply of situation "${waiting}"`,
    );
  }
  const after = {
    id: playerId,
    name: row.name,
    choices: [...row.choices, msg.choiceId],
    connected: true,
  };
  const r = replayed(scenario, row.seed, after.choices);
  const at = new Date(row.now_ms).toISOString();
  const announcement: Announcement = {
    room: row.id,
    event: {
      kind: 'decision',
      player: playerView(scenario, row.seed, after, r),
      quarter: msg.quarter,
      situationId: waiting,
      choiceId: msg.choiceId,
      at,
    },
  };
  // one statement, so the decision and its announcement are committed together
  await db.query(
    `WITH stored AS (
       INSERT INTO decisions (player_id, room_id, quarter, situation_id, choice_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6))
     SELECT pg_notify($7, $8)`,
    [
      playerId,
      row.id,
      msg.quarter,
      waiting,
      msg.choiceId,
      at,
      ROOM_CHANNEL,
      JSON.stringify(announcement),
    ],
  );
  return ownGame(scenario, row.seed, after, r);
}
