import { MODEL_VERSION, otherModel } from '../../sim/index.ts';
import { RoomError } from '../errors.ts';
import type { RoomRow } from './rows.ts';

// A room keeps the model version it was opened under (migration 007). Its trainees'
// decisions are replayed at every view, decision and export, and replayed by another model
// they would be another game: such a room is refused whatever would replay it, in words a
// facilitator and a trainee can act on. Its stored decisions stay readable.

/** Why this server cannot replay the room's decisions; null when it runs the room's model. */
export function roomModelProblem(room: Pick<RoomRow, 'code' | 'model'>): string | null {
  if (room.model === null)
    return `room ${room.code} was opened before rooms recorded the version of the simulation they run, and this server (model ${MODEL_VERSION}) cannot be sure its decisions would replay as they were played`;
  return otherModel(room.model, `room ${room.code}`);
}

/** Refuses, with `other_model` and what to do, anything that would replay an older room. */
export function refuseOtherModel(room: Pick<RoomRow, 'code' | 'model'>, what: string): void {
  const problem = roomModelProblem(room);
  if (problem !== null)
    throw new RoomError(
      'other_model',
      `${problem}. ${what}: the room's decisions are kept as they were made, and its facilitator can download them and open a new room to play on`,
    );
}
