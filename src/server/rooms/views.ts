import type { FacilitatorView, Results } from '../../room/protocol.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { asFacilitator, asPlayer } from './auth.ts';
import { refuseOtherModel, roomModelProblem } from './model.ts';
import { playersOf, playerView, storedPlayerView } from './players.ts';
import { publicRoom, type RoomRow } from './rows.ts';
import { scenarioOfRoom } from './scenarios.ts';

// What each side may read of a room. The facilitator sees everyone; a trainee sees the
// room's results only once the facilitator has released the debrief.

export async function viewOfRoom(db: Database, room: RoomRow): Promise<FacilitatorView> {
  const players = await playersOf(db, room.id);
  // a room of another model is shown as stored: its decisions, never replayed
  if (roomModelProblem(room) !== null)
    return {
      room: publicRoom(room),
      players: players.map((p) => storedPlayerView(room.scenario_quarters, p)),
    };
  const scenario = await scenarioOfRoom(db, room);
  return {
    room: publicRoom(room),
    players: players.map((p) => playerView(scenario, room.seed, p)),
  };
}

export async function facilitatorView(db: Database, code: string, who: Credentials) {
  return viewOfRoom(db, await asFacilitator(db, code, who));
}

export async function results(db: Database, code: string, token: string | null): Promise<Results> {
  const { room } = await asPlayer(db, code, token);
  refuseOtherModel(room, 'Its results cannot be worked out again with this version of the game');
  if (!room.release.debrief) {
    throw new RoomError(
      'not_released',
      "the room's results are shown once the facilitator releases the debrief",
    );
  }
  const view = await viewOfRoom(db, room);
  return {
    players: view.players.map((p) => ({ name: p.name, choices: p.choices, score: p.score })),
  };
}
