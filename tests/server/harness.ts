import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import type { Live } from '../helpers/room-client.ts';
import { type Running, type ServerSettings, startServer } from './helpers.ts';

// The one way the server's tests start and stop a server: for a whole suite
// (`serveDuringSuite`: its database opened and the server started before the suite's
// tests, both stopped after them), or for one piece of a test (`withServer`).

/** the server's settings for a suite: given, or worked out when the suite starts */
type SettingsFor = ServerSettings | (() => ServerSettings | Promise<ServerSettings>);

/** PGlite starts in seconds on a loaded machine, PostgreSQL's migrations take a while too */
const START_MS = 120_000;

/**
 * The suite's server, read in its tests (not before they run): `base`, `db`, `signer` and
 * `live` are those of the server running now, also after a restart.
 */
export interface SuiteServer {
  readonly base: string;
  readonly db: Database;
  readonly signer: Running['signer'];
  live(code: string): Promise<Live>;
  /** stops the server and starts it again on the same database, with these settings from now on */
  restart(settings?: ServerSettings): Promise<void>;
  /** stops the server and closes its database, then opens the database again and starts, as after a crash */
  reopen(): Promise<void>;
  /** a second server on the same database for the suite: started after this one, stopped before */
  another(settings: SettingsFor): SuiteServer;
}

function suiteServer(
  openDb: () => Promise<Database>,
  settingsFor: SettingsFor,
  ownsDb: boolean,
): SuiteServer {
  let db: Database | null = null;
  let running: Running | null = null;
  let settings: ServerSettings = {};
  const now = (): Running => {
    if (!running)
      throw new Error('the suite’s server is read before it started (or after it stopped)');
    return running;
  };
  const stop = async () => {
    await running?.close();
    running = null;
  };
  const start = async () => {
    db ??= await openDb();
    running = await startServer(db, settings);
  };
  beforeAll(async () => {
    settings = typeof settingsFor === 'function' ? await settingsFor() : settingsFor;
    await start();
  }, START_MS);
  afterAll(async () => {
    await stop();
    if (ownsDb) await db?.close();
    db = null;
  });
  const suite: SuiteServer = {
    get base() {
      return now().base;
    },
    get db() {
      return now().db;
    },
    get signer() {
      return now().signer;
    },
    live: (code) => now().live(code),
    async restart(next) {
      await stop();
      if (next) settings = next;
      await start();
    },
    async reopen() {
      if (!ownsDb) throw new Error('only the server that opened the database can reopen it');
      await stop();
      await db?.close();
      db = null;
      await start();
    },
    another: (more) => suiteServer(async () => suite.db, more, false),
  };
  return suite;
}

/**
 * A server for the suite this is called in (a `describe`, or the whole file), on the
 * database `open` makes, with `settings` over the tests' defaults (helpers.ts).
 */
export function serveDuringSuite(
  open: () => Promise<Database>,
  settings: SettingsFor = {},
): SuiteServer {
  return suiteServer(open, settings, true);
}

/**
 * Runs `use` with a server of its own, on `db` or else on a fresh in-memory database, and
 * stops it afterwards whatever happens (closing the database it opened).
 */
export async function withServer<T>(
  settings: ServerSettings & { db?: Database },
  use: (server: Running) => Promise<T>,
): Promise<T> {
  const { db: given, ...rest } = settings;
  const db = given ?? (await openDatabase({}));
  try {
    const server = await startServer(db, rest);
    try {
      return await use(server);
    } finally {
      await server.close();
    }
  } finally {
    if (!given) await db.close();
  }
}
