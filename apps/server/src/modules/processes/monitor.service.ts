import type {
  TProcessInstance,
  TProcessInstanceDetail,
  TProcessInstanceListQuery,
  TProcessRecordType,
  TProcessStatistics,
} from '@clientela/contract';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { afterCursor, cursorKey, type Keyset, orderBy, pageOf } from '../../lib/pagination.ts';
import { readableRecords } from '../activities/records.ts';
import type { Actor } from '../authz/index.ts';
import { readableDealRefs } from '../deals/index.ts';
import { tasks } from '../tasks/index.ts';
import { readableAgreementsAndContracts } from '../tasks/present.ts';
import { users } from '../users/index.ts';
import { canManageInstances } from './processes.policy.ts';
import { processDefinitions, processInstances, processSteps, processTasks, processTimers, processVersions } from './processes.table.ts';

/**
 * SQL true for the instances the actor may see: every one for admins and managers; for others,
 * those they started and those with a step assigned to them or to their unit's queue.
 */
function visibleInstanceSql(actor: Actor): SQL {
  if (canManageInstances(actor)) return sql`true`;
  const queue = actor.unitId ? sql` OR ${tasks.queueUnitId} = ${actor.unitId}` : sql``;
  return sql`(${processInstances.startedBy} = ${actor.userId} OR EXISTS (
    SELECT 1 FROM ${processTasks} JOIN ${tasks} ON ${tasks.workspaceId} = ${processTasks.workspaceId} AND ${tasks.id} = ${processTasks.taskId}
    WHERE ${processTasks.workspaceId} = ${processInstances.workspaceId} AND ${processTasks.instanceId} = ${processInstances.id}
      AND (${tasks.assigneeId} = ${actor.userId}${queue})))`;
}

/** SQL true when a step of the instance waits for a person past its assignment's due time (by the server's clock). */
const overdueSql = (now: Date) => sql<boolean>`EXISTS (
  SELECT 1 FROM ${processTasks} JOIN ${tasks} ON ${tasks.workspaceId} = ${processTasks.workspaceId} AND ${tasks.id} = ${processTasks.taskId}
  WHERE ${processTasks.workspaceId} = ${processInstances.workspaceId} AND ${processTasks.instanceId} = ${processInstances.id}
    AND ${processTasks.status} = 'open' AND ${tasks.dueAt} < ${now.toISOString()}::timestamptz)`;

const NEWEST_FIRST: Keyset = { name: 'startedAt', field: { column: processInstances.startedAt, cast: 'timestamptz' }, direction: 'desc' };

const starter = alias(users, 'starter');

/** One select for list and detail: the instance, its process's name, version number, starter and overdue flag. */
function selectInstances(ctx: Ctx, now: Date) {
  return ctx.db
    .select({
      key: cursorKey(NEWEST_FIRST),
      instance: processInstances,
      processName: processDefinitions.name,
      version: processVersions.version,
      xml: processVersions.xml,
      starterName: starter.name,
      overdue: overdueSql(now),
    })
    .from(processInstances)
    .innerJoin(
      processDefinitions,
      and(eq(processDefinitions.workspaceId, processInstances.workspaceId), eq(processDefinitions.id, processInstances.definitionId)),
    )
    .innerJoin(
      processVersions,
      and(eq(processVersions.workspaceId, processInstances.workspaceId), eq(processVersions.id, processInstances.versionId)),
    )
    .leftJoin(starter, and(eq(starter.workspaceId, processInstances.workspaceId), eq(starter.id, processInstances.startedBy)));
}

type InstanceRow = Awaited<ReturnType<ReturnType<typeof selectInstances>['execute']>>[number];

/** The names of the records the reader may read, by id; others stay nameless. */
async function recordNames(ctx: Ctx, refs: { type: TProcessRecordType; id: string }[]): Promise<Map<string, string>> {
  const ids = (type: TProcessRecordType) => refs.filter((ref) => ref.type === type).map((ref) => ref.id);
  const [customers, deals, papers] = await Promise.all([
    readableRecords(ctx, ctx.db, { company: ids('company'), contact: ids('contact') }),
    readableDealRefs(ctx, ctx.db, ids('deal')),
    readableAgreementsAndContracts(ctx, ctx.db, { agreement: ids('agreement'), contract: ids('contract') }),
  ]);
  const names = new Map<string, string>();
  for (const [id, ref] of customers) names.set(`${ref.type}:${id}`, ref.name);
  for (const [id, deal] of deals) names.set(`deal:${id}`, deal.title);
  for (const [id, paper] of papers) names.set(`${paper.type}:${id}`, paper.name);
  return names;
}

async function present(ctx: Ctx, rows: InstanceRow[]): Promise<TProcessInstance[]> {
  const refs = rows.flatMap(({ instance }) =>
    instance.recordType && instance.recordId ? [{ type: instance.recordType as TProcessRecordType, id: instance.recordId }] : [],
  );
  const names = await recordNames(ctx, refs);
  return rows.map(({ instance, processName, version, starterName, overdue }) => ({
    id: instance.id,
    definitionId: instance.definitionId,
    processName,
    version,
    status: instance.status,
    record:
      instance.recordType && instance.recordId
        ? {
            type: instance.recordType as TProcessRecordType,
            id: instance.recordId,
            name: names.get(`${instance.recordType}:${instance.recordId}`) ?? null,
          }
        : null,
    startedBy: instance.startedBy && starterName !== null ? { id: instance.startedBy, name: starterName } : null,
    startedAt: instance.startedAt.toISOString(),
    endedAt: instance.endedAt?.toISOString() ?? null,
    current: instance.current,
    overdue: instance.status === 'running' && overdue,
    error: instance.error,
  }));
}

/** The instances the reader may see, newest first, by process, status, record, or stuck only. */
export async function findProcessInstances(ctx: Ctx, query: TProcessInstanceListQuery, now = new Date()) {
  const { actor } = ctx;
  const conditions = [
    eq(processInstances.workspaceId, actor.workspaceId),
    visibleInstanceSql(actor),
    query.definitionId ? eq(processInstances.definitionId, query.definitionId) : undefined,
    query.status ? eq(processInstances.status, query.status) : undefined,
    query.recordType ? eq(processInstances.recordType, query.recordType) : undefined,
    query.recordId ? eq(processInstances.recordId, query.recordId) : undefined,
    query.stuck === 'true'
      ? sql`(${processInstances.status} = 'failed' OR (${processInstances.status} = 'running' AND ${overdueSql(now)}))`
      : undefined,
  ];
  const [rows, counted] = await Promise.all([
    selectInstances(ctx, now)
      .where(and(...conditions, afterCursor(NEWEST_FIRST, processInstances.id, query.cursor)))
      .orderBy(...orderBy(NEWEST_FIRST, processInstances.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(processInstances)
      .where(and(...conditions)),
  ]);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.instance.id, cursorKey: row.key })),
    query.limit,
    NEWEST_FIRST,
  );
  return { data: await present(ctx, page), nextCursor, total: counted[0]?.n ?? 0 };
}

/** One instance with its model, steps, pending timers and form; 404 when the reader may not see it. */
export async function findProcessInstance(ctx: Ctx, id: string, now = new Date()): Promise<TProcessInstanceDetail> {
  const { actor } = ctx;
  const [row] = await selectInstances(ctx, now).where(
    and(eq(processInstances.workspaceId, actor.workspaceId), eq(processInstances.id, id), visibleInstanceSql(actor)),
  );
  if (!row) throw new AppError('not_found', 'No such process instance');
  const [steps, timers, [instance]] = await Promise.all([
    ctx.db
      .select({ step: processSteps, actorName: users.name })
      .from(processSteps)
      .leftJoin(users, and(eq(users.workspaceId, processSteps.workspaceId), eq(users.id, processSteps.actorId)))
      .where(and(eq(processSteps.workspaceId, actor.workspaceId), eq(processSteps.instanceId, id)))
      .orderBy(asc(processSteps.startedAt), asc(processSteps.id)),
    ctx.db
      .select({ elementId: processTimers.elementId, dueAt: processTimers.dueAt })
      .from(processTimers)
      .where(and(eq(processTimers.workspaceId, actor.workspaceId), eq(processTimers.instanceId, id), isNull(processTimers.firedAt)))
      .orderBy(asc(processTimers.dueAt)),
    present(ctx, [row]),
  ]);
  if (!instance) throw new AppError('not_found', 'No such process instance');
  const manages = canManageInstances(actor);
  return {
    ...instance,
    xml: row.xml,
    steps: steps.map(({ step, actorName }) => ({
      id: step.id,
      elementId: step.elementId,
      elementType: step.elementType,
      name: step.name,
      status: step.status,
      startedAt: step.startedAt.toISOString(),
      endedAt: step.endedAt?.toISOString() ?? null,
      actor: step.actorId && actorName !== null ? { id: step.actorId, name: actorName } : null,
      taskId: step.taskId,
    })),
    timers: timers.map((timer) => ({ elementId: timer.elementId, dueAt: timer.dueAt.toISOString() })),
    form: row.instance.form,
    canCancel: manages && (row.instance.status === 'running' || row.instance.status === 'failed'),
    canRetry: manages && row.instance.status === 'failed',
  };
}

const toNumber = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));

/**
 * How long one process's runs and steps take, over the instances started in the period (days in
 * the reader's time zone): counts by status, average and 90th percentile of completed runs and
 * steps, and how many wait at each step now. Admins and managers only.
 */
export async function findProcessStatistics(
  ctx: Ctx,
  definitionId: string,
  period: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): Promise<TProcessStatistics> {
  const { actor } = ctx;
  if (!canManageInstances(actor)) throw new AppError('forbidden', 'Only admins and managers see process statistics');
  if (period.from && period.to && period.from > period.to) {
    throw new AppError('validation_failed', 'The period ends before it starts', { errors: [{ path: 'to', message: 'Before from' }] });
  }
  const [definition] = await ctx.db
    .select({ id: processDefinitions.id })
    .from(processDefinitions)
    .where(
      and(
        eq(processDefinitions.workspaceId, actor.workspaceId),
        eq(processDefinitions.id, definitionId),
        isNull(processDefinitions.deletedAt),
      ),
    );
  if (!definition) throw new AppError('not_found', 'No such process');

  const day = sql`(${processInstances.startedAt} AT TIME ZONE ${timeZone})::date`;
  const inPeriod = and(
    sql`true`,
    period.from ? sql`${day} >= ${period.from}::date` : undefined,
    period.to ? sql`${day} <= ${period.to}::date` : undefined,
  ) as SQL;
  const ofDefinition = and(eq(processInstances.workspaceId, actor.workspaceId), eq(processInstances.definitionId, definitionId));
  const runMs = sql`extract(epoch FROM ${processInstances.endedAt} - ${processInstances.startedAt}) * 1000`;
  const stepMs = sql`extract(epoch FROM ${processSteps.endedAt} - ${processSteps.startedAt}) * 1000`;
  const completedRun = sql`${processInstances.status} = 'completed' AND ${processInstances.endedAt} IS NOT NULL`;
  const completedStep = sql`${processSteps.status} = 'completed' AND ${processSteps.endedAt} IS NOT NULL`;
  const activeStep = sql`${processSteps.status} = 'active' AND ${processInstances.status} = 'running'`;

  const [[runs], steps] = await Promise.all([
    ctx.db
      .select({
        running: sql<number>`count(*) FILTER (WHERE ${processInstances.status} = 'running')::int`,
        completed: sql<number>`count(*) FILTER (WHERE ${processInstances.status} = 'completed')::int`,
        failed: sql<number>`count(*) FILTER (WHERE ${processInstances.status} = 'failed')::int`,
        cancelled: sql<number>`count(*) FILTER (WHERE ${processInstances.status} = 'cancelled')::int`,
        avgMs: sql<string | null>`avg(${runMs}) FILTER (WHERE ${completedRun})`,
        p90Ms: sql<string | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${runMs}) FILTER (WHERE ${completedRun})`,
      })
      .from(processInstances)
      .where(and(ofDefinition, inPeriod)),
    ctx.db
      .select({
        elementId: processSteps.elementId,
        name: sql<string | null>`max(${processSteps.name})`,
        elementType: sql<string>`max(${processSteps.elementType})`,
        count: sql<number>`count(*) FILTER (WHERE ${inPeriod})::int`,
        active: sql<number>`count(*) FILTER (WHERE ${activeStep})::int`,
        avgMs: sql<string | null>`avg(${stepMs}) FILTER (WHERE ${inPeriod} AND ${completedStep})`,
        p90Ms: sql<string | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${stepMs}) FILTER (WHERE ${inPeriod} AND ${completedStep})`,
      })
      .from(processSteps)
      .innerJoin(
        processInstances,
        and(eq(processInstances.workspaceId, processSteps.workspaceId), eq(processInstances.id, processSteps.instanceId)),
      )
      .where(and(ofDefinition, sql`(${inPeriod} OR ${activeStep})`))
      .groupBy(processSteps.elementId)
      // Steps in the order runs usually reach them.
      .orderBy(sql`avg(extract(epoch FROM ${processSteps.startedAt} - ${processInstances.startedAt}))`, processSteps.elementId),
  ]);
  return {
    instances: {
      running: runs?.running ?? 0,
      completed: runs?.completed ?? 0,
      failed: runs?.failed ?? 0,
      cancelled: runs?.cancelled ?? 0,
      avgMs: toNumber(runs?.avgMs),
      p90Ms: toNumber(runs?.p90Ms),
    },
    steps: steps.map((step) => ({ ...step, avgMs: toNumber(step.avgMs), p90Ms: toNumber(step.p90Ms) })),
    refreshedAt: now.toISOString(),
  };
}
