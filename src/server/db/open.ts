import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  /** a PostgreSQL server; without it, PGlite */
  url?: string | undefined;
  /** PGlite's folder; undefined: in memory */
  dataDir?: string | undefined;
}

/** The database the configuration names, migrated to the latest version. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.url ? await openPostgres(config.url) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
