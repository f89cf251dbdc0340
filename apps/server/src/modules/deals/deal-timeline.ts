import type { TDealTimelineQuery, TTimeline, TTimelineItem } from '@clientela/contract';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { type TimelineSource, timelineOf } from '../activities/timeline.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { presentTasks, readableTaskSql, taskLinks, tasks } from '../tasks/index.ts';
import { readableDealRefs } from './deal-refs.ts';
import { dealStageChanges } from './deals.table.ts';
import { stageChangesById } from './stage-history.ts';

/** The tasks about the deal that the reader may read (takes part in, or oversees), at the time they were sent. */
function taskSource(ctx: Ctx, dealId: string, readable: SQL): TimelineSource {
  return {
    kind: 'task',
    page: ({ workspaceId, take, before, personId }) => sql`(SELECT 'task' AS kind, ${tasks.id} AS id, ${tasks.createdAt} AS at
      FROM ${taskLinks} JOIN ${tasks} ON ${tasks.workspaceId} = ${taskLinks.workspaceId} AND ${tasks.id} = ${taskLinks.taskId}
      WHERE ${taskLinks.workspaceId} = ${workspaceId} AND ${taskLinks.recordId} = ${dealId} AND ${taskLinks.recordType} = 'deal'
        AND ${readable}
        ${personId ? sql`AND ${tasks.senderId} = ${personId}::uuid` : sql``}
        ${before(sql`${tasks.createdAt}`, sql`${tasks.id}`)}
      ORDER BY ${tasks.createdAt} DESC, ${tasks.id} DESC LIMIT ${take})`,
    details: async (ids) => {
      const rows = await ctx.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), inArray(tasks.id, ids)));
      return (await presentTasks(ctx, ctx.db, rows)).map(
        (task): TTimelineItem => ({
          kind: 'task',
          id: task.id,
          at: task.createdAt,
          task: {
            id: task.id,
            title: task.title,
            priority: task.priority,
            status: task.status,
            dueAt: task.dueAt,
            sender: task.sender,
            assignee: task.assignee,
            queue: task.queue,
          },
        }),
      );
    },
  };
}

/** The deal's moves from stage to stage, its entry into the first one included. */
function stageSource(ctx: Ctx, dealId: string): TimelineSource {
  return {
    kind: 'stage',
    page: ({ workspaceId, take, before, personId }) => sql`(SELECT 'stage' AS kind, ${dealStageChanges.id} AS id,
        ${dealStageChanges.changedAt} AS at FROM ${dealStageChanges}
      WHERE ${dealStageChanges.workspaceId} = ${workspaceId} AND ${dealStageChanges.dealId} = ${dealId}
        ${personId ? sql`AND ${dealStageChanges.changedById} = ${personId}::uuid` : sql``}
        ${before(sql`${dealStageChanges.changedAt}`, sql`${dealStageChanges.id}`)}
      ORDER BY ${dealStageChanges.changedAt} DESC, ${dealStageChanges.id} DESC LIMIT ${take})`,
    details: async (ids) =>
      (await stageChangesById(ctx.db, ctx.actor.workspaceId, ids)).map(
        ({ id, ...change }): TTimelineItem => ({ kind: 'stage', id, at: change.at, change }),
      ),
  };
}

/**
 * A deal's timeline, newest first: the activities about it, the tasks sent about it, the
 * agreements made in it and its moves between stages. 404 for a deal the actor may not read.
 */
export async function dealTimeline(ctx: Ctx, dealId: string, query: TDealTimelineQuery): Promise<TTimeline> {
  if (!(await readableDealRefs(ctx, ctx.db, [dealId])).has(dealId)) throw notFound('deal');
  return timelineOf(
    ctx,
    {
      entityIds: [dealId],
      agreements: eq(agreements.dealId, dealId),
      own: [],
      sources: [taskSource(ctx, dealId, await readableTaskSql(ctx)), stageSource(ctx, dealId)],
    },
    query,
  );
}
