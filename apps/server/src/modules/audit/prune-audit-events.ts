import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { JobHandler } from '../jobs/jobs.ts';

export const AUDIT_PRUNE_JOB = 'audit-prune';
/** Daily, at a quiet hour. */
export const AUDIT_PRUNE_SCHEDULE = '17 3 * * *';

/**
 * Deletes every workspace's events older than its `audit_retention_days`. The table refuses
 * deletions except inside a transaction that says it is this sweep. Returns how many went.
 */
export async function pruneAuditEvents(db: Database, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL clientela.audit_prune = 'on'`);
    const result = await tx.execute(sql`
      DELETE FROM audit_event e
      USING workspace w
      WHERE w.id = e.workspace_id
        AND e.at < ${now.toISOString()}::timestamptz - make_interval(days => w.audit_retention_days)`);
    return result.rowCount ?? 0;
  });
}

/** The scheduled sweep of old audit events. */
export function auditPruneJob(db: Database): JobHandler {
  return async () => {
    await pruneAuditEvents(db);
  };
}
