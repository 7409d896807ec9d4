import { toCsv } from '../../lib/csv.ts';
import { GAME_VERSION } from '../../record/version.ts';
import { MODEL_VERSION, OUTCOME_LABELS, type Outcome } from '../../sim/index.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { asFacilitator } from './auth.ts';
import { roomModelProblem } from './model.ts';
import { playersOf, replayed } from './players.ts';
import { publicRoom } from './rows.ts';
import { scenarioOfRoom } from './scenarios.ts';

// The room for a spreadsheet or an archive: every trainee with their choices and what the
// server's replay of them gives, so the export always agrees with the model. A room opened
// under another model (model.ts) is exported as stored: its choices, with no score or
// outcome (room.otherModel says why), since this model's replay would be another game.

const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[];

export async function exportRoom(
  db: Database,
  code: string,
  who: Credentials,
): Promise<RoomExport> {
  const room = await asFacilitator(db, code, who);
  const rows = await playersOf(db, room.id);
  if (roomModelProblem(room) !== null)
    return {
      room: publicRoom(room),
      game: GAME_VERSION,
      model: room.model,
      players: rows.map((p) => ({
        id: p.id,
        name: p.name,
        joinedAt: p.joined_at.toISOString(),
        choices: [...p.choices],
        finished: p.choices.length >= room.scenario_quarters,
        situationId: null,
        score: null,
        outcomes: null,
      })),
    };
  const scenario = await scenarioOfRoom(db, room);
  const players = rows.map((p) => {
    const r = replayed(scenario, room.seed, p.choices);
    return {
      id: p.id,
      name: p.name,
      joinedAt: p.joined_at.toISOString(),
      choices: [...p.choices],
      finished: r.finished,
      situationId: r.state.situationId,
      score: r.score,
      outcomes: r.outcomes,
    };
  });
  return { room: publicRoom(room), game: GAME_VERSION, model: MODEL_VERSION, players };
}

/** the room's export; `model`: the model its figures come from (the room's own, null if unknown, when not replayed) */
export interface RoomExport {
  room: ReturnType<typeof publicRoom>;
  game: string;
  model: number | null;
  players: {
    id: string;
    name: string;
    joinedAt: string;
    choices: string[];
    finished: boolean;
    situationId: string | null;
    score: number | null;
    outcomes: Record<Outcome, number> | null;
  }[];
}

export function exportCsv(data: RoomExport): string {
  const quarters = data.room.scenario.quarters;
  const header = [
    'player',
    'name',
    'joined',
    'decisions',
    ...Array.from({ length: quarters }, (_, i) => `q${i + 1}`),
    'finished',
    'score',
    ...OUTCOMES,
  ];
  const rows = data.players.map((p) => [
    p.id,
    p.name,
    p.joinedAt,
    p.choices.length,
    ...Array.from({ length: quarters }, (_, i) => p.choices[i] ?? ''),
    p.finished,
    p.score,
    ...OUTCOMES.map((o) => p.outcomes?.[o] ?? ''),
  ]);
  return toCsv(header, rows);
}
