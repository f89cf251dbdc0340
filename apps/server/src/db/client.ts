import { drizzle } from 'drizzle-orm/node-postgres';
import pLimit from 'p-limit';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = ReturnType<typeof createDatabase>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type Executor = Database | Transaction;

/** Opens a connection pool and the Drizzle handle on it. */
export function createDatabase(connectionString: string, poolSize = 10) {
  // A request waits at most 10 s for a connection (then 503 service_unavailable) rather than hanging.
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not crash the server.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema, casing: 'snake_case' });
  // A transaction holds its connection while its code may still read through the pool (a
  // share looked up for one record does): had every connection been taken by such transactions,
  // each would wait for another for good. Fewer transactions than connections at once leave some
  // free: two for the server's LISTEN connections, which hold theirs for good, and two for reads.
  const transactions = pLimit(Math.max(1, poolSize - 4));
  const transaction = db.transaction.bind(db);
  db.transaction = (work, config) => transactions(() => transaction(work, config));
  return { db, pool };
}
