import {
  type TASK_SORTS,
  type TCreateTaskInput,
  type TTask,
  type TTaskListQuery,
  type TUpdateTaskInput,
  ZCreateTaskInput,
  ZUpdateTaskInput,
} from '@clientela/contract';
import { type AnyColumn, and, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { coveredUserIds, standInFor } from '../absences/index.ts';
import { assertReadable, unitOfUser } from '../activities/records.ts';
import { caseAwaitingHandover } from '../cases/index.ts';
import { assertReadableDeals } from '../deals/index.ts';
import { membersOf, notify } from '../notifications/index.ts';
import { units } from '../units/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { leadTimeAdvice } from './lead-times.ts';
import { presentTasks, readableAgreementsAndContracts, readableTaskSql, type TaskRow } from './present.ts';
import { taskPolicy } from './tasks.policy.ts';
import { taskEvents, taskLinks, tasks } from './tasks.table.ts';

const invalid = (errors: FieldError[]) => new AppError('validation_failed', 'The task is not valid', { errors });

/** Loads a task the actor may read (404 otherwise, so that its existence does not leak). */
export async function findReadable(ctx: Ctx, db: Executor, id: string, lock = false): Promise<TaskRow> {
  const query = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), eq(tasks.id, id), await readableTaskSql(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('task');
  return row;
}

/**
 * Whether the actor acts for the assignee: the assignee, their deputy while they are away, or a
 * member of the queue while nobody has taken it.
 */
export async function actsAsAssignee(ctx: Ctx, db: Executor, row: TaskRow): Promise<boolean> {
  if (row.assigneeId === ctx.actor.userId) return true;
  // A deputy never answers for a task they sent themselves: the two sides stay two people.
  if (row.assigneeId) {
    if (row.senderId === ctx.actor.userId) return false;
    return (await coveredUserIds(db, ctx.actor.workspaceId, ctx.actor.userId)).includes(row.assigneeId);
  }
  return row.queueUnitId !== null && row.queueUnitId === ctx.actor.unitId;
}

/** Opens a task; the assignee's (or a queue member's) first reading marks it received, with the time. */
export async function getTask(ctx: Ctx, id: string): Promise<TTask> {
  let row = await findReadable(ctx, ctx.db, id);
  if (row.status === 'sent' && (await actsAsAssignee(ctx, ctx.db, row))) {
    row = await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(tasks)
        .set({ status: 'received', receivedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), eq(tasks.id, id), eq(tasks.status, 'sent')))
        .returning();
      if (!updated) return findReadable(ctx, tx, id); // another reader was first
      await tx.insert(taskEvents).values({
        workspaceId: ctx.actor.workspaceId,
        taskId: id,
        actorId: ctx.actor.userId,
        fromStatus: 'sent',
        toStatus: 'received',
      });
      return updated;
    });
  }
  const [task] = await presentTasks(ctx, ctx.db, [row]);
  return task as TTask;
}

type LinkInput = Pick<TCreateTaskInput, 'companyIds' | 'contactIds' | 'agreementIds' | 'contractIds' | 'dealIds' | 'caseIds'>;
const LINK_TYPES = ['company', 'contact', 'agreement', 'contract', 'deal', 'case'] as const;

/** Every linked record must be one the actor may read; 400 naming each that is not. */
async function checkLinks(ctx: Ctx, db: Executor, input: LinkInput) {
  await assertReadable(ctx, db, [
    { path: 'companyIds', type: 'company', ids: input.companyIds ?? [] },
    { path: 'contactIds', type: 'contact', ids: input.contactIds ?? [] },
  ]);
  const found = await readableAgreementsAndContracts(ctx, db, { agreement: input.agreementIds ?? [], contract: input.contractIds ?? [] });
  const errors = (['agreement', 'contract'] as const).flatMap((type) =>
    (input[`${type}Ids`] ?? []).flatMap((id, i) =>
      found.get(id)?.type === type ? [] : [{ path: `${type}Ids.${i}`, message: `No such ${type}` }],
    ),
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'A linked record does not exist', { errors });
  await assertReadableDeals(ctx, db, { path: 'dealIds', ids: input.dealIds ?? [] });
  await checkCases(ctx, db, input.caseIds ?? []);
}

/** Linked cases must be live cases of the workspace (all staff read every case). */
async function checkCases(ctx: Ctx, db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return;
  const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM support_case
    WHERE workspace_id = ${ctx.actor.workspaceId} AND deleted_at IS NULL
      AND id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  const found = new Set(rows.map((r) => r.id));
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `caseIds.${i}`, message: 'No such case' }]));
  if (errors.length > 0) throw new AppError('validation_failed', 'A linked record does not exist', { errors });
}

/** Watchers must be active users of the workspace. */
async function checkWatchers(db: Executor, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids]), eq(users.active, true)));
  const found = new Set(rows.map((r) => r.id));
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `watcherIds.${i}`, message: 'No such user' }]));
  if (errors.length > 0) throw invalid(errors);
}

function linkRows(workspaceId: string, taskId: string, input: LinkInput) {
  const rows = LINK_TYPES.flatMap((recordType) =>
    [...new Set(input[`${recordType}Ids`] ?? [])].map((recordId) => ({ workspaceId, taskId, recordType, recordId })),
  );
  return rows;
}

/** Sends a task to a person or to a unit's queue; a queue task answers the unit's standard lead time for its kind. */
export async function createTask(ctx: Ctx, raw: TCreateTaskInput) {
  const input = ZCreateTaskInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  if (Boolean(input.assigneeId) === Boolean(input.queueUnitId))
    throw invalid([{ path: 'assigneeId', message: 'Choose a person or a unit queue, one of them' }]);
  let unitId: string | null;
  let assigneeId = input.assigneeId ?? null;
  // A person away gets nothing new: their deputy does, and the sender is told (not when the deputy sends it).
  let redirected: Awaited<ReturnType<typeof standInFor>> = null;
  if (input.assigneeId) {
    unitId = await unitOfUser(ctx.db, workspaceId, input.assigneeId, 'assigneeId');
    redirected = await standInFor(ctx.db, workspaceId, input.assigneeId);
    if (redirected?.deputy.id === ctx.actor.userId) redirected = null;
    if (redirected) {
      assigneeId = redirected.deputy.id;
      unitId = await unitOfUser(ctx.db, workspaceId, assigneeId, 'assigneeId');
    }
  } else {
    const [unit] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.id, input.queueUnitId as string)));
    if (!unit) throw invalid([{ path: 'queueUnitId', message: 'No such unit' }]);
    unitId = unit.id;
  }
  const watcherIds = [...new Set(input.watcherIds ?? [])];
  await Promise.all([checkWatchers(ctx.db, workspaceId, watcherIds), checkLinks(ctx, ctx.db, input)]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        workspaceId,
        title: input.title,
        description: input.description || null,
        priority: input.priority ?? 'normal',
        kind: input.kind ?? null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        checklist: input.checklist ?? [],
        senderId: ctx.actor.userId,
        assigneeId,
        queueUnitId: input.queueUnitId ?? null,
        unitId,
        watcherIds,
      })
      .returning({ id: tasks.id });
    if (!row) throw new Error('task insert returned nothing');
    const links = linkRows(workspaceId, row.id, input);
    if (links.length > 0) await tx.insert(taskLinks).values(links);
    await tx.insert(taskEvents).values({
      workspaceId,
      taskId: row.id,
      actorId: ctx.actor.userId,
      fromStatus: null,
      toStatus: 'sent',
      note: redirected ? `For ${redirected.absent.name}, who is away` : null,
    });
    // The assignee, or every member of the queue, hears of it with the task.
    const notice = { taskId: row.id, title: input.title, actorId: ctx.actor.userId };
    if (redirected) {
      const detail = { absent: redirected.absent.name, deputy: redirected.deputy.name };
      await notify(tx, workspaceId, [redirected.deputy.id], { kind: 'task_covered', ...notice, detail });
      // Told by the absent person's side, so that the sender (the actor) is not left out.
      await notify(tx, workspaceId, [ctx.actor.userId], { kind: 'task_redirected', ...notice, actorId: redirected.absent.id, detail });
    } else if (assigneeId) await notify(tx, workspaceId, [assigneeId], { kind: 'task_assigned', ...notice });
    else
      await notify(tx, workspaceId, await membersOf(tx, workspaceId, unitId as string, ctx.actor.userId), {
        kind: 'task_queued',
        ...notice,
      });
    return row.id;
  });
  const [task] = await presentTasks(ctx, ctx.db, [await findReadable(ctx, ctx.db, id)]);
  const leadTime = input.queueUnitId && input.kind ? await leadTimeAdvice(ctx.db, workspaceId, input.queueUnitId, input.kind) : null;
  return { ...(task as TTask), leadTime, redirected };
}

/**
 * Changes a task: its sender, a manager over its unit or an admin change anything; its
 * assignee only ticks the checklist. Others who may read it get 403.
 */
export async function updateTask(ctx: Ctx, id: string, raw: TUpdateTaskInput): Promise<TTask> {
  const input = ZUpdateTaskInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const row = await findReadable(ctx, tx, id, true);
    const keeper =
      row.senderId === ctx.actor.userId || (await taskPolicy.can(ctx.actor, 'update', { ownerId: row.senderId, unitId: row.unitId }));
    const onlyChecklist = Object.keys(input).every((key) => key === 'checklist');
    if (!keeper && !(onlyChecklist && row.assigneeId === ctx.actor.userId)) throw forbidden('Only the sender changes this task');
    if (input.watcherIds) await checkWatchers(tx, workspaceId, input.watcherIds);
    await checkLinks(ctx, tx, input);
    if (input.caseIds !== undefined) {
      // A case's waiting hand-over stays linked to its case until it is answered.
      const handed = await caseAwaitingHandover(tx, workspaceId, id);
      if (handed && !input.caseIds.includes(handed))
        throw invalid([{ path: 'caseIds', message: 'This task hands a case over: it stays linked to the case until answered' }]);
    }
    await tx
      .update(tasks)
      .set({
        title: input.title ?? row.title,
        description: input.description === undefined ? row.description : input.description || null,
        priority: input.priority ?? row.priority,
        kind: input.kind === undefined ? row.kind : input.kind,
        dueAt: input.dueAt === undefined ? row.dueAt : input.dueAt ? new Date(input.dueAt) : null,
        checklist: input.checklist ?? row.checklist,
        watcherIds: input.watcherIds ? [...new Set(input.watcherIds)] : row.watcherIds,
        updatedAt: sql`now()`,
      })
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    for (const type of LINK_TYPES) {
      const ids = input[`${type}Ids`];
      if (ids === undefined) continue;
      await tx
        .delete(taskLinks)
        .where(and(eq(taskLinks.workspaceId, workspaceId), eq(taskLinks.taskId, id), eq(taskLinks.recordType, type)));
      const rows = linkRows(workspaceId, id, { [`${type}Ids`]: ids });
      if (rows.length > 0) await tx.insert(taskLinks).values(rows);
    }
  });
  const [task] = await presentTasks(ctx, ctx.db, [await findReadable(ctx, ctx.db, id)]);
  return task as TTask;
}

/** A task without a due time sorts after every dated one. */
const dueOrNever = sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)` as unknown as AnyColumn;

const SORTS: Record<(typeof TASK_SORTS)[number], SortField> = {
  dueAt: { column: dueOrNever, cast: 'timestamptz' },
  createdAt: { column: tasks.createdAt, cast: 'timestamptz' },
};

const OPEN = sql`${tasks.status} NOT IN ('done', 'confirmed', 'declined')`;

/** The tasks the actor may read: assigned to me, sent by me, waiting in my unit's queue, by status, overdue. */
export async function listTasks(ctx: Ctx, query: TTaskListQuery) {
  const { actor } = ctx;
  const keyset = parseSort(query.sort, SORTS, query['filter[overdue]'] ? 'dueAt' : '-createdAt');
  const q = query.q?.trim();
  const conditions: (SQL | undefined)[] = [
    eq(tasks.workspaceId, actor.workspaceId),
    await readableTaskSql(ctx),
    // "Mine" includes the tasks of the people I cover for while they are away.
    query['filter[mine]']
      ? inArray(tasks.assigneeId, [actor.userId, ...(await coveredUserIds(ctx.db, actor.workspaceId, actor.userId))])
      : undefined,
    query['filter[sentByMe]'] ? eq(tasks.senderId, actor.userId) : undefined,
    query['filter[myQueues]']
      ? actor.unitId
        ? and(eq(tasks.queueUnitId, actor.unitId), isNull(tasks.assigneeId))
        : sql`false`
      : undefined,
    query['filter[status]'] ? eq(tasks.status, query['filter[status]']) : undefined,
    query['filter[overdue]'] ? and(OPEN, sql`${tasks.dueAt} < now()`) : undefined,
    q ? ilike(tasks.title, `%${escapeLike(q)}%`) : undefined,
  ];
  const rows = await ctx.db
    .select({ key: cursorKey(keyset), task: tasks })
    .from(tasks)
    .where(and(...conditions, afterCursor(keyset, tasks.id, query.cursor)))
    .orderBy(...orderBy(keyset, tasks.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.task.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return {
    data: await presentTasks(
      ctx,
      ctx.db,
      page.map((row) => row.task),
    ),
    nextCursor,
    total: counted?.n ?? 0,
  };
}
