import { openQuarter } from '../../room/pacing.ts';
import type { Pacing, PublicRoom, Release } from '../../room/protocol.ts';
import { MODEL_VERSION } from '../../sim/index.ts';
import type { Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { roomModelProblem } from './model.ts';

// Reading a room back from the database. Every read also takes the database's clock
// (now_ms), so pacing and expiry are judged by one clock that all processes share.

export interface RoomRow {
  id: string;
  code: string;
  admin_hash: string;
  scenario_id: string;
  scenario_title: string;
  scenario_quarters: number;
  scenario_hash: string;
  scenario_source: 'bundled' | 'upload';
  scenario_file: string;
  seed: string;
  pacing: Pacing;
  opened: number;
  started_at: Date | null;
  /** when the facilitator ended play (by releasing the debrief); null: play goes on */
  ended_at: Date | null;
  release: Release;
  expires_at: Date;
  /** the account that made the room; null: made with no one signed in */
  created_by: string | null;
  /** the model version it was opened under; null: opened before rooms were stamped */
  model: number | null;
  now_ms: number;
}

const ROOM_SELECT = `SELECT id, code, admin_hash, scenario_id, scenario_title, scenario_quarters,
  scenario_hash, scenario_source, scenario_file, seed, pacing, opened, started_at, ended_at,
  release, expires_at, created_by, model, (extract(epoch FROM now()) * 1000)::float8 AS now_ms FROM rooms`;
const LIVE = 'expires_at > now()';

/** The room with this join code, unless it was deleted or has expired; `no_room` otherwise. */
export async function roomByCode(q: Queryable, code: string): Promise<RoomRow> {
  const rows = await q.query<RoomRow>(`${ROOM_SELECT} WHERE code = $1 AND ${LIVE}`, [code]);
  if (!rows[0])
    throw new RoomError(
      'no_room',
      `no room ${code}: it was never made, or it was deleted or expired`,
    );
  return rows[0];
}

/** The same by id; `lock` holds the row until the transaction ends (for commands). */
export async function roomById(q: Queryable, id: string, lock = false): Promise<RoomRow> {
  const rows = await q.query<RoomRow>(
    `${ROOM_SELECT} WHERE id = $1 AND ${LIVE}${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw new RoomError('no_room', 'the room was deleted or has expired');
  return rows[0];
}

export const openQuarterOf = (
  row: Pick<RoomRow, 'pacing' | 'scenario_quarters' | 'opened' | 'started_at' | 'now_ms'>,
): number =>
  openQuarter(
    {
      pacing: row.pacing,
      quarters: row.scenario_quarters,
      opened: row.opened,
      startedAt: row.started_at ? row.started_at.getTime() : null,
    },
    row.now_ms,
  );

export function publicRoom(row: RoomRow): PublicRoom {
  const otherModel = roomModelProblem(row);
  return {
    ...(otherModel !== null ? { otherModel } : {}),
    ...(otherModel === null && row.model !== MODEL_VERSION ? { model: row.model! } : {}),
    ...(row.ended_at ? { endedAt: row.ended_at.toISOString() } : {}),
    code: row.code,
    scenario: {
      id: row.scenario_id,
      title: row.scenario_title,
      quarters: row.scenario_quarters,
      hash: row.scenario_hash,
      source: row.scenario_source,
    },
    seed: row.seed,
    pacing: row.pacing,
    release: row.release,
    openQuarter: openQuarterOf(row),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    expiresAt: row.expires_at.toISOString(),
    now: new Date(row.now_ms).toISOString(),
  };
}
