import { z } from 'zod';

/** One read replica as the status page shows it: whether it answers and how far behind the primary it is. */
export const ZReplicaStatus = z.object({
  name: z.string(),
  up: z.boolean(),
  /** Seconds since the last transaction it replayed was committed on the primary; null when unknown. */
  lagSeconds: z.number().nullable(),
  /** Bytes of WAL the replica has not replayed yet; null when unknown. */
  lagBytes: z.number().nullable(),
});
export type TReplicaStatus = z.infer<typeof ZReplicaStatus>;

/** What an administrator sees of the server process answering, its database, read replicas and job queue. */
export const ZSystemStatus = z.object({
  /** The server's version (its package.json). */
  version: z.string(),
  /** When this server process started (ISO instant). */
  startedAt: z.string(),
  uptimeSeconds: z.number().int().min(0),
  processId: z.number().int(),
  database: z.object({
    /** PostgreSQL's version, as the server reports it (`16.4`). */
    serverVersion: z.string(),
    sizeBytes: z.number().int().min(0),
    /** Connections open to this database, from every server process and tool. */
    connections: z.number().int().min(0),
    migrationsApplied: z.number().int().min(0),
    /** Migrations this server carries that the database has not applied yet. */
    migrationsPending: z.number().int().min(0),
  }),
  /** Empty when no read replica is configured (DATABASE_READ_URL). */
  replicas: z.array(ZReplicaStatus),
  jobs: z.object({
    /** Jobs waiting to run, retries included. */
    queued: z.number().int().min(0),
    /** Jobs a server process is running now. */
    active: z.number().int().min(0),
    /** Jobs that failed for good in the last 24 hours. */
    failedLastDay: z.number().int().min(0),
  }),
});
export type TSystemStatus = z.infer<typeof ZSystemStatus>;
