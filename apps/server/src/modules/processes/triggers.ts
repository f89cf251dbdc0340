import type { TProcessRecordType } from '@clientela/contract';
import cronParser from 'cron-parser';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { processSignals, processStartTriggers } from './processes.table.ts';
import { workspaceTimeZone } from './publish-definition.ts';
import type { StartInstance } from './step-context.ts';

type LogFn = (details: object, message: string) => void;

export type SweepOptions = {
  batchSize?: number;
  log?: { warn: LogFn };
  /** A signal whose start keeps failing for an unexpected reason is dropped once this old. */
  maxSignalAgeMs?: number;
};

const silent = { warn: () => {} };

// A business refusal (an AppError or a BpmnError: the process unpublished, the record gone, a
// start form required) will not change by trying again; anything else may be passing.
const isRefusal = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === 'string' && !(error as { severity?: unknown }).severity;

/**
 * Starts the processes that records created or changed are waiting for: takes queued signals
 * (rows other sweeps hold are skipped), starts each definition's published version on the record
 * in the name of who changed it, and deletes the signal in the same transaction, so each signal
 * starts one instance. A start refused is logged and its signal dropped; one that failed
 * otherwise is tried again on the next sweep, until it is `maxSignalAgeMs` old.
 */
export async function sweepProcessSignals(
  db: Database,
  now: Date,
  start: StartInstance,
  { batchSize = 100, log = silent, maxSignalAgeMs = 60 * 60_000 }: SweepOptions = {},
): Promise<{ started: number; dropped: number }> {
  let started = 0;
  let dropped = 0;
  const kept = new Set<string>();
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      const signals = await tx
        .select()
        .from(processSignals)
        .where(
          kept.size > 0
            ? sql`${processSignals.id} NOT IN (${sql.join(
                [...kept].map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : undefined,
        )
        .orderBy(asc(processSignals.createdAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const signal of signals) {
        const input = {
          workspaceId: signal.workspaceId,
          definitionId: signal.definitionId,
          actorId: signal.actorId,
          record: { type: signal.recordType as TProcessRecordType, id: signal.recordId },
          startEventId: signal.eventId,
        };
        try {
          // A savepoint: a start that fails takes back only what it wrote.
          await tx.transaction((sp) => start(sp, input, now));
          started += 1;
        } catch (error) {
          const old = now.getTime() - signal.createdAt.getTime() > maxSignalAgeMs;
          log.warn(
            { err: error, signal: signal.id, definition: signal.definitionId, record: signal.recordId },
            'a record event did not start its process',
          );
          if (!isRefusal(error) && !old) {
            kept.add(signal.id);
            continue;
          }
          dropped += 1;
        }
        await tx.delete(processSignals).where(and(eq(processSignals.workspaceId, signal.workspaceId), eq(processSignals.id, signal.id)));
      }
      return signals.length;
    });
    if (taken < batchSize) return { started, dropped };
  }
}

/** When a cron expression next fires after `after`, read in `timeZone`; null when it cannot be read. */
export function nextScheduledRun(cron: string, timeZone: string, after: Date): Date | null {
  for (const tz of [timeZone, 'UTC']) {
    try {
      return cronParser.parseExpression(cron, { currentDate: after, tz }).next().toDate();
    } catch {}
  }
  return null;
}

/**
 * Starts the processes whose schedule is due: each due trigger is locked, moved on to its next
 * time (in the workspace's time zone) and its process started, in one transaction, so two sweeps
 * never start it twice and runs missed while no server was up start once. A schedule whose
 * cron cannot be read stops (no next time).
 */
export async function sweepScheduledStarts(
  db: Database,
  now: Date,
  start: StartInstance,
  { batchSize = 100, log = silent }: Omit<SweepOptions, 'maxSignalAgeMs'> = {},
): Promise<{ started: number; failed: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(processStartTriggers)
      .where(and(eq(processStartTriggers.kind, 'schedule'), sql`${processStartTriggers.nextRunAt} <= ${now.toISOString()}::timestamptz`))
      .orderBy(asc(processStartTriggers.nextRunAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const zones = new Map<string, string>();
    let started = 0;
    let failed = 0;
    for (const trigger of due) {
      let zone = zones.get(trigger.workspaceId);
      if (!zone) {
        zone = await workspaceTimeZone(tx, trigger.workspaceId);
        zones.set(trigger.workspaceId, zone);
      }
      const next = trigger.cron ? nextScheduledRun(trigger.cron, zone, now) : null;
      if (!next) log.warn({ definition: trigger.definitionId, cron: trigger.cron }, 'a process schedule cannot be read: it is stopped');
      await tx
        .update(processStartTriggers)
        .set({ nextRunAt: next })
        .where(
          and(
            eq(processStartTriggers.workspaceId, trigger.workspaceId),
            eq(processStartTriggers.definitionId, trigger.definitionId),
            eq(processStartTriggers.eventId, trigger.eventId),
          ),
        );
      try {
        await tx.transaction((sp) =>
          start(
            sp,
            { workspaceId: trigger.workspaceId, definitionId: trigger.definitionId, actorId: null, startEventId: trigger.eventId },
            now,
          ),
        );
        started += 1;
      } catch (error) {
        failed += 1;
        log.warn({ err: error, definition: trigger.definitionId }, 'a scheduled process did not start');
      }
    }
    return { started, failed };
  });
}
