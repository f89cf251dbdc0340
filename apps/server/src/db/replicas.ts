// Read replicas: PostgreSQL standbys fed by streaming replication (DATABASE_READ_URL), which take
// the heavy reads (reports, dashboards, search) off the primary. A replica replays the primary's
// WAL a moment later, so a read goes there only when the replica has replayed every write the
// person made (their write position travels in a cookie, so it holds whichever server process
// answers next); otherwise, and whenever a replica is unreachable, the primary answers.
import type pg from 'pg';
import { createDatabase, type Database } from './client.ts';

/** How often each replica is asked how far it has replayed (and whether it answers at all). */
const POLL_MS = 200;

/** What the status of a replica tells an operator. */
export type ReplicaStatus = {
  name: string;
  up: boolean;
  /** Seconds since the last transaction it replayed was committed on the primary; null when unknown. */
  lagSeconds: number | null;
  /** Bytes of WAL the primary wrote that the replica has not replayed yet; null when unknown. */
  lagBytes: number | null;
};

type Replica = { name: string; db: Database; pool: pg.Pool; replayed: bigint | null; lagSeconds: number | null; up: boolean };

/** A WAL position (`16/B374D848`) as a number that compares. */
export function walPosition(lsn: string): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export type ReadReplicas = {
  /** A replica that has replayed up to `wrote` (a WAL position; none: any that is up), or undefined for the primary. */
  pick: (wrote: bigint | null) => Database | undefined;
  /** The primary's WAL position now: what a person's next reads must see. */
  primaryPosition: () => Promise<string>;
  /** Each replica, whether it answers and how far behind it is. */
  status: () => Promise<ReplicaStatus[]>;
  close: () => Promise<void>;
};

/**
 * Connects to each replica URL and keeps its replay position fresh. A replica that fails a
 * poll is left out until it answers again; reads then go to the primary.
 */
export function createReadReplicas(urls: readonly string[], primary: pg.Pool, poolSize = 8): ReadReplicas {
  const replicas: Replica[] = urls.map((url) => {
    const { db, pool } = createDatabase(url, poolSize);
    const { hostname, port } = new URL(url);
    const replica: Replica = { name: `${hostname}:${port || 5432}`, db, pool, replayed: null, lagSeconds: null, up: false };
    // A lost connection takes the replica out at once, not at the next poll.
    pool.on('error', () => {
      replica.up = false;
    });
    return replica;
  });
  let next = 0;

  const poll = async (replica: Replica) => {
    try {
      const { rows } = await replica.pool.query<{ replayed: string | null; lag: number | null; standby: boolean }>(
        `SELECT pg_last_wal_replay_lsn()::text AS replayed, pg_is_in_recovery() AS standby,
           extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag`,
      );
      const row = rows[0];
      // A server that is not (or no longer) a standby is not a replica of this primary: leave it out.
      replica.up = Boolean(row?.standby && row.replayed);
      replica.replayed = row?.replayed ? walPosition(row.replayed) : null;
      replica.lagSeconds = row?.lag ?? null;
    } catch {
      replica.up = false;
    }
  };
  const pollAll = () => Promise.all(replicas.map(poll));
  const timer = setInterval(() => void pollAll(), POLL_MS);
  timer.unref();
  void pollAll();

  return {
    pick(wrote) {
      for (let i = 0; i < replicas.length; i++) {
        const replica = replicas[(next + i) % replicas.length] as Replica;
        if (!replica.up || replica.replayed === null) continue;
        if (wrote !== null && replica.replayed < wrote) continue;
        next = (next + i + 1) % replicas.length;
        return replica.db;
      }
      return undefined;
    },
    async primaryPosition() {
      const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      return rows[0]?.lsn ?? '0/0';
    },
    async status() {
      await pollAll();
      const current = walPosition(await this.primaryPosition());
      return replicas.map((replica) => ({
        name: replica.name,
        up: replica.up,
        lagSeconds: replica.up ? replica.lagSeconds : null,
        lagBytes: replica.up && replica.replayed !== null && current !== null ? Number(current - replica.replayed) : null,
      }));
    },
    async close() {
      clearInterval(timer);
      await Promise.all(replicas.map((replica) => replica.pool.end()));
    },
  };
}
