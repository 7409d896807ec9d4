import type { Account, ListedRoom } from '../../room/accounts.ts';
import { requireScope } from '../accounts/roles.ts';
import type { Queryable } from '../db/database.ts';

// A facilitator's list of the live rooms they made (an admin's: every live room), newest
// first; deleted and expired rooms are gone from it as from everywhere else.

interface Row {
  code: string;
  scenario_title: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  players: number;
}

export async function listRooms(q: Queryable, account: Account): Promise<ListedRoom[]> {
  requireScope(account, 'rooms');
  const rows = await q.query<Row>(
    `SELECT r.code, r.scenario_title, r.created_by, r.created_at, r.expires_at,
       (SELECT count(*)::int FROM players p WHERE p.room_id = r.id) AS players
     FROM rooms r
     WHERE r.expires_at > now() AND ($1::text IS NULL OR r.created_by = $1)
     ORDER BY r.created_at DESC LIMIT 500`,
    [account.role === 'admin' ? null : account.name],
  );
  return rows.map((r) => ({
    code: r.code,
    scenarioTitle: r.scenario_title,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    players: r.players,
  }));
}
