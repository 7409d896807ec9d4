// The one face the server sees of its database, whichever it is: PGlite in the process, or
// a PostgreSQL server through node-postgres. Both speak PostgreSQL's dialect, so every query
// is written once; only connecting, transactions and LISTEN differ (pglite.ts, postgres.ts).

export type DatabaseKind = 'pglite' | 'postgresql';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** runs a script of several statements without parameters (a migration) */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** calls `onPayload` with every notification on `channel` (from any process); resolves once listening */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}
