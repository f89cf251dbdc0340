import {
  type TCompleteProcessTaskInput,
  type TProcessTask,
  type TProcessTaskListQuery,
  ZCompleteProcessTaskInput,
} from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, type Keyset, orderBy, pageOf } from '../../lib/pagination.ts';
import { coveredUserIds } from '../absences/index.ts';
import { readableTaskSql, tasks } from '../tasks/index.ts';
import { actsAsAssignee } from '../tasks/tasks.service.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { readableRecordNames } from './instances.service.ts';
import { processDefinitions, processInstances, processTasks } from './processes.table.ts';
import { checkFormValues, type InstanceRow, processError, type RunOptions, signalUserStep } from './runtime.ts';

type Row = { step: typeof processTasks.$inferSelect; task: typeof tasks.$inferSelect };

/**
 * A user step the actor may read, with its assignment, and its instance locked (`FOR UPDATE OF`
 * the instance only); null when there is no such step or the actor may not read it. The instance
 * row is current once locked; the step's status may be older when the lock was waited for, so the
 * completion checks it again where it marks the step done.
 */
async function lockReadableStep(ctx: Ctx, tx: Executor, id: string): Promise<(Row & { instance: InstanceRow }) | null> {
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await tx
    .select({ step: processTasks, task: tasks, instance: processInstances })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .innerJoin(
      processInstances,
      and(eq(processInstances.workspaceId, processTasks.workspaceId), eq(processInstances.id, processTasks.instanceId)),
    )
    .where(and(eq(processTasks.workspaceId, workspaceId), eq(processTasks.id, id), await readableTaskSql(ctx)))
    .for('update', { of: processInstances });
  return row ?? null;
}

/** A user step with its assignment, when the actor may read the assignment (404 otherwise). */
async function findReadable(ctx: Ctx, db: Executor, id: string): Promise<Row> {
  const [row] = await db
    .select({ step: processTasks, task: tasks })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .where(and(eq(processTasks.workspaceId, ctx.actor.workspaceId), eq(processTasks.id, id), await readableTaskSql(ctx)));
  if (!row) throw notFound('step');
  return row;
}

/** User steps as the API shows them: the process, the record (named when the reader may see it), the people, the form. */
async function present(ctx: Ctx, db: Executor, rows: Row[]): Promise<TProcessTask[]> {
  if (rows.length === 0) return [];
  const workspaceId = ctx.actor.workspaceId;
  const instanceIds = [...new Set(rows.map((r) => r.step.instanceId))];
  const instances = await db
    .select({
      id: processInstances.id,
      recordType: processInstances.recordType,
      recordId: processInstances.recordId,
      name: processDefinitions.name,
    })
    .from(processInstances)
    .innerJoin(
      processDefinitions,
      and(eq(processDefinitions.workspaceId, processInstances.workspaceId), eq(processDefinitions.id, processInstances.definitionId)),
    )
    .where(and(eq(processInstances.workspaceId, workspaceId), inArray(processInstances.id, instanceIds)));
  const byInstance = new Map(instances.map((i) => [i.id, i]));
  const refs = instances.flatMap((i) => (i.recordType && i.recordId ? [{ type: i.recordType, id: i.recordId }] : []));
  const names = await readableRecordNames(ctx, db, refs as { type: 'company'; id: string }[]);
  const peopleIds = [...new Set(rows.flatMap((r) => [r.task.assigneeId, r.step.completedBy]).filter((id): id is string => Boolean(id)))];
  const people = peopleIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, peopleIds)))
    : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const unitIds = [...new Set(rows.map((r) => r.task.queueUnitId).filter((id): id is string => Boolean(id)))];
  const queues = unitIds.length
    ? await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.workspaceId, workspaceId), inArray(units.id, unitIds)))
    : [];
  const queueOf = new Map(queues.map((q) => [q.id, q]));
  const person = (id: string | null) => (id ? { id, name: nameOf.get(id) ?? '' } : null);
  return Promise.all(
    rows.map(async ({ step, task }) => {
      const instance = byInstance.get(step.instanceId);
      const record =
        instance?.recordType && instance.recordId
          ? { type: instance.recordType as 'company', id: instance.recordId, name: names.get(instance.recordId) ?? null }
          : null;
      return {
        id: step.id,
        taskId: step.taskId,
        instanceId: step.instanceId,
        processName: instance?.name ?? '',
        elementId: step.elementId,
        name: step.name,
        status: step.status,
        form: step.form,
        values: step.values,
        record,
        assignee: person(task.assigneeId),
        queue: task.queueUnitId ? (queueOf.get(task.queueUnitId) ?? null) : null,
        dueAt: task.dueAt?.toISOString() ?? null,
        createdAt: step.createdAt.toISOString(),
        completedAt: step.completedAt?.toISOString() ?? null,
        completedBy: person(step.completedBy),
        canComplete: step.status === 'open' && (await actsAsAssignee(ctx, db, task)),
      };
    }),
  );
}

/** One user step the actor may read. */
export async function getProcessTask(ctx: Ctx, id: string): Promise<TProcessTask> {
  const [step] = await present(ctx, ctx.db, [await findReadable(ctx, ctx.db, id)]);
  return step as TProcessTask;
}

const KEYSET: Keyset = { name: 'createdAt', field: { column: processTasks.createdAt, cast: 'timestamptz' }, direction: 'desc' };

/**
 * User steps, newest first: by default the actor's own open ones (theirs, those of people they
 * cover for, their queue's not yet taken); by assignment or instance, those the actor may read.
 */
export async function listProcessTasks(ctx: Ctx, query: TProcessTaskListQuery) {
  const { actor } = ctx;
  const conditions: (SQL | undefined)[] = [eq(processTasks.workspaceId, actor.workspaceId), await readableTaskSql(ctx)];
  if (query.taskId) conditions.push(eq(processTasks.taskId, query.taskId));
  if (query.instanceId) conditions.push(eq(processTasks.instanceId, query.instanceId));
  if (!query.taskId && !query.instanceId) {
    const mine = [actor.userId, ...(await coveredUserIds(ctx.db, actor.workspaceId, actor.userId))];
    const queue = actor.unitId ? and(eq(tasks.queueUnitId, actor.unitId), isNull(tasks.assigneeId)) : sql`false`;
    conditions.push(sql`(${inArray(tasks.assigneeId, mine)} OR ${queue})`);
    conditions.push(eq(processTasks.status, query.status ?? 'open'));
  } else if (query.status) conditions.push(eq(processTasks.status, query.status));
  const rows = await ctx.db
    .select({ key: cursorKey(KEYSET), step: processTasks, task: tasks })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .where(and(...conditions, afterCursor(KEYSET, processTasks.id, query.cursor)))
    .orderBy(...orderBy(KEYSET, processTasks.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(processTasks)
    .innerJoin(tasks, and(eq(tasks.workspaceId, processTasks.workspaceId), eq(tasks.id, processTasks.taskId)))
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.step.id, cursorKey: row.key })),
    query.limit,
    KEYSET,
  );
  return { data: await present(ctx, ctx.db, page), nextCursor, total: counted?.n ?? 0 };
}

/**
 * Completes a user step with its form: 404 when the actor may not read it, 403 `not_your_step`
 * unless they act as its assignee (a queue member who completes it takes it), 409 `step_closed`
 * when it is no longer open, 400 naming `values.<key>` for a wrong form. Then the process runs on.
 */
export async function completeProcessTask(
  ctx: Ctx,
  id: string,
  raw: TCompleteProcessTaskInput,
  now = new Date(),
  options: RunOptions = {},
): Promise<TProcessTask> {
  const { values } = ZCompleteProcessTaskInput.parse(raw);
  const { actor } = ctx;
  // The record's name as the actor may read it, asked on another connection while the step runs.
  let recordNames: Promise<Map<string, string> | null> = Promise.resolve(null);
  const done = await ctx.db.transaction(async (tx) => {
    // The instance's lock first: it orders completions of its steps.
    const found = await lockReadableStep(ctx, tx, id);
    if (!found) throw notFound('step');
    const { step, task, instance } = found;
    if (instance.recordType && instance.recordId && !task.queueUnitId) {
      const ref = { type: instance.recordType as 'company', id: instance.recordId };
      // Failing, it leaves the name out: the answer is read again then (below).
      recordNames = readableRecordNames(ctx, ctx.db, [ref]).catch(() => null);
    }
    if (!(await actsAsAssignee(ctx, tx, task))) throw processError('not_your_step', 'This step is not yours to complete');
    if (step.status !== 'open' || instance.status !== 'running') throw processError('step_closed', 'This step is already closed');
    checkFormValues(step.form, values, 'values');
    // Marks the step and its assignment done with the values in the statement that reads what the run needs.
    const run = await signalUserStep(
      tx,
      instance,
      {
        id,
        executionId: step.executionId,
        taskId: step.taskId,
        values,
        actorId: actor.userId,
        people: task.assigneeId ? [task.assigneeId] : [],
      },
      now,
      options,
    );
    return { step, task, instance, ...run };
  });
  const recordNamesRead = await recordNames;
  const { step, task, instance } = done;
  const record = instance.recordType && instance.recordId ? { type: instance.recordType as 'company', id: instance.recordId } : null;
  // A queue's step is shown with its queue's name: read again. Otherwise what was written is known.
  if (task.queueUnitId || (record && !recordNamesRead)) return getProcessTask(ctx, id);
  const names = new Map(done.people.map((p) => [p.id, p.name]));
  const person = (personId: string) => ({ id: personId, name: names.get(personId) ?? '' });
  return {
    id: step.id,
    taskId: step.taskId,
    instanceId: step.instanceId,
    processName: done.processName,
    elementId: step.elementId,
    name: step.name,
    status: 'completed',
    form: step.form,
    values,
    record: record ? { ...record, name: recordNamesRead?.get(record.id) ?? null } : null,
    // closeAssignment keeps the assignee; a step without one is taken by who completed it.
    assignee: person(task.assigneeId ?? actor.userId),
    queue: null,
    dueAt: task.dueAt?.toISOString() ?? null,
    createdAt: step.createdAt.toISOString(),
    completedAt: now.toISOString(),
    completedBy: person(actor.userId),
    canComplete: false,
  };
}
