import type { TSystemStatus } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { ReadReplicas } from '../../db/replicas.ts';
import type { Ctx } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { pendingMigrations } from '../../http/health.ts';
import { clientelaVersion } from '../../ops/manifest.ts';

/** The schema pg-boss keeps its jobs in (see modules/jobs/jobs.ts). */
const JOBS_SCHEMA = 'pgboss';

/** Read once: the version cannot change while the process runs. */
let version: string | undefined;

/** Only administrators see the state of the servers: it tells about every workspace the installation holds. */
function mustBeAdmin(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an administrator sees the system status');
}

/** PostgreSQL's version, this database's size, its open connections and the migrations applied. */
async function databaseStatus(db: Database): Promise<TSystemStatus['database']> {
  const { rows } = await db.execute<{ serverVersion: string; sizeBytes: string; connections: number; migrationsApplied: number }>(sql`
    SELECT current_setting('server_version') AS "serverVersion",
      pg_database_size(current_database())::text AS "sizeBytes",
      (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) AS connections,
      (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS "migrationsApplied"`);
  const row = rows[0];
  return {
    // "16.4 (Debian 16.4-1.pgdg120+2)": the distributor's note adds nothing here.
    serverVersion: (row?.serverVersion ?? '').split(' ')[0] ?? '',
    sizeBytes: Number(row?.sizeBytes ?? 0),
    connections: row?.connections ?? 0,
    migrationsApplied: row?.migrationsApplied ?? 0,
    migrationsPending: (await pendingMigrations(db)).length,
  };
}

/** Jobs waiting, running, and failed for good in the last day (in the queue or already archived by pg-boss). */
async function jobsStatus(db: Database): Promise<TSystemStatus['jobs']> {
  const present = await db.execute<{ present: boolean }>(sql`SELECT to_regclass(${`${JOBS_SCHEMA}.job`}) IS NOT NULL AS present`);
  // A server started without a job queue has never created pg-boss's tables.
  if (!present.rows[0]?.present) return { queued: 0, active: 0, failedLastDay: 0 };
  const schema = sql.identifier(JOBS_SCHEMA);
  const { rows } = await db.execute<TSystemStatus['jobs']>(sql`
    SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
      count(*) FILTER (WHERE state = 'active')::int AS active,
      count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '1 day')::int
        + (SELECT count(*)::int FROM ${schema}.archive WHERE state = 'failed' AND completed_on > now() - interval '1 day')
        AS "failedLastDay"
    FROM ${schema}.job`);
  return rows[0] ?? { queued: 0, active: 0, failedLastDay: 0 };
}

/** What an administrator sees on the status page: this process, the database, the read replicas and the jobs. */
export async function systemStatus(ctx: Ctx, replicas: ReadReplicas | undefined): Promise<TSystemStatus> {
  mustBeAdmin(ctx);
  version ??= clientelaVersion();
  const uptimeSeconds = Math.floor(process.uptime());
  const [database, replicaList, jobs] = await Promise.all([
    databaseStatus(ctx.db),
    replicas ? replicas.status() : Promise.resolve([]),
    jobsStatus(ctx.db),
  ]);
  return {
    version,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    uptimeSeconds,
    processId: process.pid,
    database,
    replicas: replicaList,
    jobs,
  };
}
