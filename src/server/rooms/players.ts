import type { OwnGame, PlayerView } from '../../room/protocol.ts';
import {
  type Outcomes,
  outcomes,
  playChoices,
  type ScenarioDef,
  type SimState,
  score,
} from '../../sim/index.ts';
import type { Queryable } from '../db/database.ts';

// A trainee as the server knows them: their stored decisions, replayed with the model the
// browser runs. Nothing derived (situation, score) is stored; it is recomputed from the
// choices every time, so it cannot disagree with them.

export interface PlayerRow {
  id: string;
  name: string;
  joined_at: Date;
  choices: string[];
  connected: boolean;
}

/** open sockets held by a process that has proved it is alive in the last 30 seconds */
export const CONNECTED_SQL = `EXISTS (
  SELECT 1 FROM connections c JOIN server_instances i ON i.id = c.instance_id
  WHERE c.player_id = p.id AND i.seen_at > now() - interval '30 seconds')`;

const PLAYER_SELECT = `
  SELECT p.id, p.name, p.joined_at,
    coalesce((SELECT array_agg(d.choice_id ORDER BY d.quarter) FROM decisions d
              WHERE d.player_id = p.id), '{}'::text[]) AS choices,
    ${CONNECTED_SQL} AS connected
  FROM players p`;

export async function playersOf(q: Queryable, roomId: string): Promise<PlayerRow[]> {
  return q.query<PlayerRow>(`${PLAYER_SELECT} WHERE p.room_id = $1 ORDER BY p.joined_at, p.id`, [
    roomId,
  ]);
}

export async function playerById(q: Queryable, playerId: string): Promise<PlayerRow> {
  const rows = await q.query<PlayerRow>(`${PLAYER_SELECT} WHERE p.id = $1`, [playerId]);
  if (!rows[0]) throw new Error(`no player ${playerId}`);
  return rows[0];
}

export interface Replayed {
  state: SimState;
  finished: boolean;
  score: number | null;
  outcomes: Outcomes;
}

export function replayed(
  scenario: ScenarioDef,
  seed: string,
  choices: readonly string[],
): Replayed {
  const state = playChoices(scenario, seed, choices, { trace: false });
  const finished = state.situationId === null;
  return {
    state,
    finished,
    score: finished ? score(scenario.rubric, state) : null,
    outcomes: outcomes(state),
  };
}

/** The player's own game from a replay of their choices (replayed() when not given). */
export function ownGame(
  scenario: ScenarioDef,
  seed: string,
  p: Pick<PlayerRow, 'id' | 'name' | 'choices'>,
  r: Replayed = replayed(scenario, seed, p.choices),
): OwnGame {
  return {
    playerId: p.id,
    name: p.name,
    choices: [...p.choices],
    situationId: r.state.situationId,
    score: r.score,
  };
}

/**
 * A trainee of a room opened under another model (model.ts), as stored: their decisions,
 * not replayed. Nobody can play on, so `situationId` is null once every quarter was decided
 * and '' (none this server can name) before; no score is worked out.
 */
export function storedPlayerView(
  quarters: number,
  p: Pick<PlayerRow, 'id' | 'name' | 'choices' | 'connected'>,
): PlayerView {
  return {
    id: p.id,
    name: p.name,
    connected: p.connected,
    choices: [...p.choices],
    situationId: p.choices.length >= quarters ? null : '',
    score: null,
  };
}

export function playerView(
  scenario: ScenarioDef,
  seed: string,
  p: Pick<PlayerRow, 'id' | 'name' | 'choices' | 'connected'>,
  r: Replayed = replayed(scenario, seed, p.choices),
): PlayerView {
  const game = ownGame(scenario, seed, p, r);
  return {
    id: p.id,
    name: p.name,
    connected: p.connected,
    choices: game.choices,
    situationId: game.situationId,
    score: game.score,
  };
}
