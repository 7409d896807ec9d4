import type { Decide, OwnGame } from '../../room/protocol.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { announce } from './events.ts';
import { ownGame, playerById, playerView, replayed } from './players.ts';
import { openQuarterOf, roomById } from './rows.ts';
import { storedScenario } from './scenarios.ts';

// A trainee's decision: checked against the server's own replay of their game and stored,
// or refused with the reason. The trainee's page says only what it chose; what that did is
// computed here, by the same model the page runs. The player's row is locked for the
// transaction, so two sockets of one trainee deciding at once take turns and the second
// finds the quarter taken.

export async function decide(
  db: Database,
  roomId: string,
  playerId: string,
  msg: Decide,
): Promise<OwnGame> {
  return db.transaction(async (tx) => {
    const room = await roomById(tx, roomId);
    await tx.query('SELECT 1 FROM players WHERE id = $1 FOR UPDATE', [playerId]);
    const before = await playerById(tx, playerId);
    const scenario = storedScenario(
      room.id,
      room.scenario_text,
      room.scenario_file,
      room.scenario_hash,
    );
    const played = before.choices.length;
    const now = replayed(scenario, room.seed, before.choices);
    if (now.finished)
      throw new RoomError('game_over', 'the game is over: every quarter is decided');
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
    const open = openQuarterOf(room);
    if (msg.quarter > open) {
      throw new RoomError(
        'quarter_not_open',
        open === 0
          ? 'the room has not started: wait for the facilitator'
          : `quarter ${msg.quarter} is not open yet; quarters up to ${open} are`,
      );
    }
    const waiting = now.state.situationId!;
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
    const rows = await tx.query<{ at: Date }>(
      `INSERT INTO decisions (player_id, room_id, quarter, situation_id, choice_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING decided_at AS at`,
      [playerId, room.id, msg.quarter, waiting, msg.choiceId],
    );
    const after = { ...before, choices: [...before.choices, msg.choiceId], connected: true };
    await announce(tx, room.id, {
      kind: 'decision',
      player: playerView(scenario, room.seed, after),
      quarter: msg.quarter,
      situationId: waiting,
      choiceId: msg.choiceId,
      at: rows[0]!.at.toISOString(),
    });
    return ownGame(scenario, room.seed, after);
  });
}
