import { readEnv, type ServerEnv } from './config.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';

// What every server command does first (`npm start`, `npm run server:rotate-key`): read the
// settings from the environment, saying what is wrong and stopping when one is, then open
// the database they name (a PostgreSQL server, or the embedded one in its data folder).

export async function settingsAndDatabase(): Promise<{ env: ServerEnv; db: Database }> {
  let env: ServerEnv;
  try {
    env = readEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const db = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.TOW_DATA_DIR },
  );
  return { env, db };
}
