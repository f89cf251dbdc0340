import type { TMyDayTask } from '@clientela/contract';
import { MY_DAY_CAP } from '@clientela/contract';
import { and, asc, eq, gte, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { tasks } from '../tasks/index.ts';
import { presentTasks, type TaskRow } from '../tasks/present.ts';

type Person = { id: string; name: string };
export type TaskSection = { rows: TaskRow[]; total: number };

const CLOSED = ['done', 'confirmed', 'declined'] as const;

/** Up to the cap of a workspace's tasks matching `where`, in `order`, with how many match in all. */
async function section(ctx: Ctx, where: SQL | undefined, order: SQL[]): Promise<TaskSection> {
  const rows = await ctx.db
    .select({ row: tasks, total: sql<number>`(count(*) OVER ())::int` })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), where))
    .orderBy(...order)
    .limit(MY_DAY_CAP);
  return { rows: rows.map((r) => r.row), total: rows[0]?.total ?? 0 };
}

/**
 * Open tasks of `people` (a uuid[]: me and those I cover for) due before `start` (overdue) or within
 * [start, end) (due today). Every one is readable to me: mine as their assignee, my absent
 * colleagues' because their absence shows their open work to their deputy.
 */
export function dueTasks(ctx: Ctx, people: SQL, start: Date, end: Date) {
  const open = and(sql`${tasks.assigneeId} = ANY(${people})`, notInArray(tasks.status, [...CLOSED]));
  const order = [asc(tasks.dueAt), asc(tasks.id)];
  return {
    overdue: section(ctx, and(open, lt(tasks.dueAt, start)), order),
    dueToday: section(ctx, and(open, gte(tasks.dueAt, start), lt(tasks.dueAt, end)), order),
  };
}

/** Tasks sent to me, or waiting in my unit's queue for a taker, that nobody has accepted or declined yet. */
export function tasksToAccept(ctx: Ctx): Promise<TaskSection> {
  const { userId, unitId } = ctx.actor;
  const mine = eq(tasks.assigneeId, userId);
  const whose = unitId ? or(mine, and(isNull(tasks.assigneeId), eq(tasks.queueUnitId, unitId))) : mine;
  return section(ctx, and(whose, inArray(tasks.status, ['sent', 'received'])), [
    sql`${tasks.dueAt} ASC NULLS LAST`,
    asc(tasks.createdAt),
    asc(tasks.id),
  ]);
}

/** Tasks I sent that their assignee reports done: they wait for my confirmation. */
export function tasksToConfirm(ctx: Ctx): Promise<TaskSection> {
  return section(ctx, and(eq(tasks.senderId, ctx.actor.userId), eq(tasks.status, 'done')), [asc(tasks.updatedAt), asc(tasks.id)]);
}

/** Presents the rows of several sections at once (a task may be in two), each saying whom I cover it for. */
export async function presentTaskSections<K extends string>(
  ctx: Ctx,
  sections: Record<K, TaskSection>,
  covered: ReadonlyMap<string, Person>,
): Promise<Record<K, { items: TMyDayTask[]; total: number }>> {
  const unique = new Map<string, TaskRow>();
  for (const { rows } of Object.values<TaskSection>(sections)) for (const row of rows) unique.set(row.id, row);
  const presented = new Map((await presentTasks(ctx, ctx.db, [...unique.values()])).map((task) => [task.id, task]));
  const coveringFor = (row: TaskRow) => (row.assigneeId && covered.get(row.assigneeId)) || null;
  const entries = Object.entries<TaskSection>(sections).map(([key, { rows, total }]) => [
    key,
    {
      items: rows.flatMap((row) => {
        const task = presented.get(row.id);
        if (!task) return [];
        // The list needs no timeline, description, checklist or watchers: the task's page has them.
        const { timeline, description, checklist, watchers, ...shown } = task;
        return [{ ...shown, coveringFor: coveringFor(row) }];
      }),
      total,
    },
  ]);
  return Object.fromEntries(entries) as Record<K, { items: TMyDayTask[]; total: number }>;
}
