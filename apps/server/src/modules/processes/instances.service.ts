import type { TProcessInstance, TProcessRecordType, TStartProcessInput } from '@clientela/contract';
import { ZCancelProcessInput, ZStartProcessInput } from '@clientela/contract';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { readableRecords } from '../activities/records.ts';
import { readableDealRefs } from '../deals/index.ts';
import { readableAgreementsAndContracts } from '../tasks/present.ts';
import { users } from '../users/index.ts';
import { canManageInstances } from './processes.policy.ts';
import { processDefinitions, processInstances, processVersions } from './processes.table.ts';
import { endInstance, type InstanceRow, lockInstance, type RunOptions, rerunInstance, startInstance } from './runtime.ts';
import type { ProcessRecord } from './step-context.ts';

/** The names of the records among `refs` that the actor may read, by id (the others are left out). */
export async function readableRecordNames(ctx: Ctx, db: Executor, refs: readonly ProcessRecord[]): Promise<Map<string, string>> {
  const ids = (type: TProcessRecordType) => refs.filter((r) => r.type === type).map((r) => r.id);
  const [people, deals, papers] = await Promise.all([
    readableRecords(ctx, db, { company: ids('company'), contact: ids('contact') }),
    readableDealRefs(ctx, db, ids('deal')),
    readableAgreementsAndContracts(ctx, db, { agreement: ids('agreement'), contract: ids('contract') }),
  ]);
  const names = new Map<string, string>();
  for (const [id, ref] of people) names.set(id, ref.name);
  for (const [id, deal] of deals) names.set(id, deal.title);
  for (const [id, paper] of papers) names.set(id, paper.name);
  return names;
}

/** Instances as the API lists them: process and version, the record (named when the reader may see it), who started it, where it waits. */
export async function presentInstances(ctx: Ctx, db: Executor, rows: InstanceRow[]): Promise<TProcessInstance[]> {
  if (rows.length === 0) return [];
  const workspaceId = ctx.actor.workspaceId;
  const ids = rows.map((r) => r.id);
  const [meta, names, overdue] = await Promise.all([
    db
      .select({ id: processInstances.id, processName: processDefinitions.name, version: processVersions.version, starter: users.name })
      .from(processInstances)
      .innerJoin(
        processDefinitions,
        and(eq(processDefinitions.workspaceId, processInstances.workspaceId), eq(processDefinitions.id, processInstances.definitionId)),
      )
      .innerJoin(
        processVersions,
        and(eq(processVersions.workspaceId, processInstances.workspaceId), eq(processVersions.id, processInstances.versionId)),
      )
      .leftJoin(users, and(eq(users.workspaceId, processInstances.workspaceId), eq(users.id, processInstances.startedBy)))
      .where(and(eq(processInstances.workspaceId, workspaceId), inArray(processInstances.id, ids))),
    readableRecordNames(
      ctx,
      db,
      rows.flatMap((r) => (r.recordType && r.recordId ? [{ type: r.recordType as TProcessRecordType, id: r.recordId }] : [])),
    ),
    db.execute<{ instance_id: string }>(sql`
      SELECT DISTINCT pt.instance_id FROM process_task pt
      JOIN task t ON t.workspace_id = pt.workspace_id AND t.id = pt.task_id
      WHERE pt.workspace_id = ${workspaceId} AND pt.status = 'open' AND t.due_at < now()
        AND pt.instance_id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`),
  ]);
  const byId = new Map(meta.map((m) => [m.id, m]));
  const late = new Set(overdue.rows.map((r) => r.instance_id));
  return rows.map((row) => {
    const m = byId.get(row.id);
    return instanceOf(
      row,
      { processName: m?.processName ?? '', version: m?.version ?? 0, starterName: m?.starter ?? null },
      names,
      late.has(row.id),
    );
  });
}

/** One instance as the API shows it, from its row and what was read about it. */
function instanceOf(
  row: InstanceRow,
  meta: { processName: string; version: number; starterName: string | null },
  names: ReadonlyMap<string, string>,
  overdue: boolean,
): TProcessInstance {
  return {
    id: row.id,
    definitionId: row.definitionId,
    processName: meta.processName,
    version: meta.version,
    status: row.status,
    record:
      row.recordType && row.recordId
        ? { type: row.recordType as TProcessRecordType, id: row.recordId, name: names.get(row.recordId) ?? null }
        : null,
    startedBy: row.startedBy ? { id: row.startedBy, name: meta.starterName ?? '' } : null,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    current: row.current,
    overdue,
    error: row.error,
  };
}

async function presentOne(ctx: Ctx, id: string): Promise<TProcessInstance> {
  const [row] = await ctx.db
    .select()
    .from(processInstances)
    .where(and(eq(processInstances.workspaceId, ctx.actor.workspaceId), eq(processInstances.id, id)));
  if (!row) throw notFound('instance');
  const [instance] = await presentInstances(ctx, ctx.db, [row]);
  return instance as TProcessInstance;
}

/**
 * A person starts a published process by hand (a manual or form start event) about a record
 * they may read (400 naming `record` otherwise).
 */
export async function startProcess(
  ctx: Ctx,
  raw: TStartProcessInput,
  now = new Date(),
  options: RunOptions = {},
): Promise<TProcessInstance> {
  const input = ZStartProcessInput.parse(raw);
  const { workspaceId, userId } = ctx.actor;
  const names = input.record ? await readableRecordNames(ctx, ctx.db, [input.record]) : new Map<string, string>();
  if (input.record && !names.has(input.record.id)) {
    throw new AppError('validation_failed', `No such ${input.record.type}`, {
      errors: [{ path: 'record', message: `No such ${input.record.type}` }],
    });
  }
  const { id, saved } = await startInstance(
    ctx.db,
    {
      workspaceId,
      definitionId: input.definitionId,
      actorId: userId,
      ...(input.record ? { record: input.record } : {}),
      ...(input.startEventId ? { startEventId: input.startEventId } : {}),
      form: input.form ?? {},
    },
    now,
    // People start what a person may start: a manual or a form start event, not a record's or a schedule's.
    { ...options, byHand: true },
  );
  // What the first run saved is what the API shows: read again only when it failed.
  return saved ? instanceOf(saved.row, saved, names, saved.overdue) : presentOne(ctx, id);
}

async function lockManaged(ctx: Ctx, tx: Executor, id: string): Promise<InstanceRow> {
  const instance = await lockInstance(tx, ctx.actor.workspaceId, id);
  if (!instance) throw notFound('instance');
  if (!canManageInstances(ctx.actor)) throw forbidden('Only admins and managers cancel or retry processes');
  return instance;
}

/** Cancels a running or failed instance (admins and managers): its open steps close, its timers go. */
export async function cancelInstance(ctx: Ctx, id: string, raw: { reason: string }, now = new Date()): Promise<TProcessInstance> {
  const { reason } = ZCancelProcessInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const instance = await lockManaged(ctx, tx, id);
    if (instance.status !== 'running' && instance.status !== 'failed')
      throw new AppError('status_transition_invalid', `A ${instance.status} instance cannot be cancelled`);
    await endInstance(tx, instance, reason, now);
  });
  return presentOne(ctx, id);
}

/** Runs a failed instance again from its last good state (admins and managers). */
export async function retryInstance(ctx: Ctx, id: string, now = new Date(), options: RunOptions = {}): Promise<TProcessInstance> {
  await ctx.db.transaction(async (tx) => {
    const instance = await lockManaged(ctx, tx, id);
    if (instance.status !== 'failed') throw new AppError('status_transition_invalid', `A ${instance.status} instance has nothing to retry`);
    const running = { ...instance, status: 'running' as const, error: null };
    await tx
      .update(processInstances)
      .set({ status: 'running', error: null, updatedAt: now })
      .where(and(eq(processInstances.workspaceId, instance.workspaceId), eq(processInstances.id, id)));
    await rerunInstance(tx, running, now, options);
  });
  return presentOne(ctx, id);
}
