import type { TMyDayTask } from '@clientela/contract';
import { MY_DAY_CAP } from '@clientela/contract';
import { and, asc, eq, gte, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { runPrepared } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { tasks } from '../tasks/index.ts';
import { presentTasks, type TaskRow } from '../tasks/present.ts';
import { intoSections, sectionColumns } from './sections.ts';

type Person = { id: string; name: string };
export type TaskSection = { rows: TaskRow[]; total: number };

const CLOSED = ['done', 'confirmed', 'declined'] as const;

type SectionName = 'overdue' | 'dueToday' | 'toAccept' | 'toConfirm';

/**
 * Up to the cap of a workspace's tasks matching `where`, in `order`, each tagged with its section,
 * its place in it and how many match in all: one arm of the union below.
 */
function section(ctx: Ctx, name: SectionName, where: SQL | undefined, order: SQL[]) {
  return ctx.db
    .select({
      row: tasks,
      ...sectionColumns(name, order),
    })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), where))
    .orderBy(...order)
    .limit(MY_DAY_CAP);
}

/**
 * My four task sections in one statement. Overdue and due today: open tasks of `people` (a uuid[]:
 * me and those I cover for) due before `start`, or within [start, end); every one is readable to me,
 * mine as their assignee, my absent colleagues' because their absence shows their open work to their
 * deputy. To accept: tasks sent to me, or waiting in my unit's queue for a taker, that nobody has
 * accepted or declined yet. To confirm: tasks I sent that their assignee reports done.
 */
export async function myTaskSections(ctx: Ctx, people: SQL, start: Date, end: Date): Promise<Record<SectionName, TaskSection>> {
  const { userId, unitId } = ctx.actor;
  const open = and(sql`${tasks.assigneeId} = ANY(${people})`, notInArray(tasks.status, [...CLOSED]));
  const byDue = [asc(tasks.dueAt), asc(tasks.id)];
  const mine = eq(tasks.assigneeId, userId);
  const whose = unitId ? or(mine, and(isNull(tasks.assigneeId), eq(tasks.queueUnitId, unitId))) : mine;
  const rows = await runPrepared(
    unionAll(
      section(ctx, 'overdue', and(open, lt(tasks.dueAt, start)), byDue),
      section(ctx, 'dueToday', and(open, gte(tasks.dueAt, start), lt(tasks.dueAt, end)), byDue),
      section(ctx, 'toAccept', and(whose, inArray(tasks.status, ['sent', 'received'])), [
        sql`${tasks.dueAt} ASC NULLS LAST`,
        asc(tasks.createdAt),
        asc(tasks.id),
      ]),
      section(ctx, 'toConfirm', and(eq(tasks.senderId, userId), eq(tasks.status, 'done')), [asc(tasks.updatedAt), asc(tasks.id)]),
    ),
  );
  return intoSections(['overdue', 'dueToday', 'toAccept', 'toConfirm'], rows, (r) => r.row);
}

/** Presents the rows of several sections at once (a task may be in two), each saying whom I cover it for. */
export async function presentTaskSections<K extends string>(
  ctx: Ctx,
  sections: Record<K, TaskSection>,
  covered: ReadonlyMap<string, Person>,
): Promise<Record<K, { items: TMyDayTask[]; total: number }>> {
  const unique = new Map<string, TaskRow>();
  for (const { rows } of Object.values<TaskSection>(sections)) for (const row of rows) unique.set(row.id, row);
  const presented = new Map((await presentTasks(ctx, ctx.db, [...unique.values()], { timeline: false })).map((task) => [task.id, task]));
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
