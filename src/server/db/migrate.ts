import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

// Versioned migrations: numbered SQL files (001-rooms.sql, 002-….sql) in migrations/,
// each applied once, in its own transaction, and recorded in tow_migrations. Every
// transaction first takes a PostgreSQL advisory lock, so two processes starting together
// take turns: the second waits, then finds the migration recorded and skips it.

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** any fixed number, the same in every process: "tow migrations" in ASCII */
const LOCK_KEY = 0x746f776d;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f.slice(4, -4),
      sql: readFileSync(new URL(f, dir), 'utf8'),
    }));
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.version} (${m.name}): expected number ${i + 1}`);
  });
  return list;
}

/** Applies the migrations not yet recorded; returns the versions it applied. */
export async function migrate(db: Database, list: Migration[] = migrations()): Promise<number[]> {
  const applied: number[] = [];
  for (const m of list) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS tow_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = await tx.query('SELECT 1 FROM tow_migrations WHERE version = $1', [m.version]);
      if (done.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO tow_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}
