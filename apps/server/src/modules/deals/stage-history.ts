import type { TDealStageChange } from '@clientela/contract';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { users } from '../users/index.ts';
import { findVisible } from './deals.service.ts';
import { dealStageChanges, pipelineStages } from './deals.table.ts';

/** The stage moves matching `condition`, oldest first, with the stages' and the movers' names; by id. */
export async function stageChanges(db: Executor, workspaceId: string, condition: SQL): Promise<(TDealStageChange & { id: string })[]> {
  const from = alias(pipelineStages, 'from_stage');
  const rows = await db
    .select({
      change: dealStageChanges,
      fromName: from.name,
      toName: pipelineStages.name,
      toKind: pipelineStages.kind,
      byName: users.name,
    })
    .from(dealStageChanges)
    .innerJoin(
      pipelineStages,
      and(eq(pipelineStages.workspaceId, dealStageChanges.workspaceId), eq(pipelineStages.id, dealStageChanges.toStageId)),
    )
    .leftJoin(from, and(eq(from.workspaceId, dealStageChanges.workspaceId), eq(from.id, dealStageChanges.fromStageId)))
    .leftJoin(users, and(eq(users.workspaceId, dealStageChanges.workspaceId), eq(users.id, dealStageChanges.changedById)))
    .where(and(eq(dealStageChanges.workspaceId, workspaceId), condition))
    .orderBy(asc(dealStageChanges.changedAt), asc(dealStageChanges.id));
  return rows.map((r) => ({
    id: r.change.id,
    from: r.change.fromStageId ? { id: r.change.fromStageId, name: r.fromName ?? '' } : null,
    to: { id: r.change.toStageId, name: r.toName, kind: r.toKind },
    at: r.change.changedAt.toISOString(),
    by: r.change.changedById ? { id: r.change.changedById, name: r.byName ?? '' } : null,
  }));
}

/** A deal's way through the stages, oldest first. */
export async function dealStageHistory(ctx: Ctx, id: string): Promise<{ data: TDealStageChange[] }> {
  await findVisible(ctx, ctx.db, id);
  const changes = await stageChanges(ctx.db, ctx.actor.workspaceId, eq(dealStageChanges.dealId, id));
  return { data: changes.map(({ id: _id, ...change }) => change) };
}

/** Stage moves by id (a timeline's page). */
export function stageChangesById(db: Executor, workspaceId: string, ids: readonly string[]) {
  return stageChanges(db, workspaceId, inArray(dealStageChanges.id, [...ids]));
}
