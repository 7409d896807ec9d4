import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// A PostgreSQL server through node-postgres: a pool for queries and transactions, and one
// connection of its own for LISTEN, which must stay open to hear notifications. When that
// connection drops (the server restarted, the network blinked) it is opened again; pages
// catch up on anything missed meanwhile when they reconnect and get a fresh `welcome`.

const RECONNECT_MS = 1000;

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // an idle client's error (the server went away) must not crash the process
  pool.on('error', (err) => console.error(`database: ${err.message}`));
  await pool.query('select 1');
  const listeners: { channel: string; onPayload: (payload: string) => void }[] = [];
  let listener: pg.Client | null = null;
  let closed = false;

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (n) => {
      for (const l of listeners) if (l.channel === n.channel) l.onPayload(n.payload ?? '');
    });
    client.on('error', (err) => {
      console.error(`database listener: ${err.message}`);
      client.end().catch(() => {});
      if (listener === client) listener = null;
      if (!closed) setTimeout(() => reconnect(), RECONNECT_MS);
    });
    await client.connect();
    for (const channel of new Set(listeners.map((l) => l.channel))) {
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    listener = client;
  }
  function reconnect(): void {
    if (closed || listener) return;
    connectListener().catch((err) => {
      console.error(`database listener: ${(err as Error).message}`);
      setTimeout(() => reconnect(), RECONNECT_MS);
    });
  }

  const queryOn = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      // without parameters node-postgres sends the simple query protocol, which allows a script
      await c.query(sql);
    },
  });
  const direct = queryOn(pool);
  return {
    kind: 'postgresql',
    query: direct.query,
    exec: direct.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryOn(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      listeners.push({ channel, onPayload });
      if (listener) await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      else await connectListener();
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
