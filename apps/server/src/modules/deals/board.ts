import type { TPipelineBoard, TPipelineBoardQuery } from '@clientela/contract';
import { and, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { encodeCursor } from '../../lib/pagination.ts';
import { attributionNames } from '../campaigns/index.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { dealConditions, presentDeal, selectDeals } from './deals.service.ts';
import { deals } from './deals.table.ts';
import { getPipeline } from './pipelines.service.ts';

/**
 * A pipeline's board: for each stage its newest cards (the board index gives each stage's first
 * `limit` without reading the rest), how many deals it holds and their sum in the base currency.
 * Three statements: the cards' ids per stage, the stages' totals, then the cards themselves.
 */
export async function pipelineBoard(ctx: Ctx, pipelineId: string, query: TPipelineBoardQuery): Promise<TPipelineBoard> {
  const pipeline = await getPipeline(ctx, pipelineId);
  const where = and(...(await dealConditions(ctx, query)));
  const stageIds = pipeline.stages.map((s) => s.id);
  if (stageIds.length === 0) return { pipeline, baseCurrency: await baseCurrencyOf(ctx.db, ctx.actor.workspaceId), columns: [] };
  const stages = sql.join(
    stageIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [cards, totals, baseCurrency] = await Promise.all([
    ctx.db.execute<{ stage_id: string; id: string; key: string }>(sql`
      SELECT s.id AS stage_id, card.id, card.key
      FROM unnest(ARRAY[${stages}]) AS s(id)
      CROSS JOIN LATERAL (
        SELECT ${deals.id} AS id, ${deals.stageEnteredAt}::text AS key FROM ${deals}
        WHERE ${deals.stageId} = s.id AND ${where}
        ORDER BY ${deals.stageEnteredAt} DESC, ${deals.id} DESC
        LIMIT ${query.limit + 1}
      ) card`),
    ctx.db.execute<{ stage_id: string; n: number; sum: string; without_rate: number }>(sql`
      SELECT ${deals.stageId} AS stage_id, count(*)::int AS n, coalesce(sum(${deals.amountBase}), 0)::text AS sum,
        count(*) FILTER (WHERE ${deals.amount} IS NOT NULL AND ${deals.amountBase} IS NULL)::int AS without_rate
      FROM ${deals} WHERE ${deals.stageId} IN (${stages}) AND ${where}
      GROUP BY ${deals.stageId}`),
    baseCurrencyOf(ctx.db, ctx.actor.workspaceId),
  ]);
  const shown = cards.rows.map((c) => c.id);
  const rows = shown.length
    ? await selectDeals(ctx.db).where(and(sql`${deals.workspaceId} = ${ctx.actor.workspaceId}`, inArray(deals.id, shown)))
    : [];
  const names = await attributionNames(
    ctx.db,
    ctx.actor.workspaceId,
    rows.map((row) => row.deal),
  );
  const presented = new Map(await Promise.all(rows.map(async (row) => [row.deal.id, await presentDeal(ctx, row, names)] as const)));
  return {
    pipeline,
    baseCurrency,
    columns: pipeline.stages.map((stage) => {
      const mine = cards.rows.filter((c) => c.stage_id === stage.id);
      const page = mine.slice(0, query.limit);
      const last = page.at(-1);
      const total = totals.rows.find((t) => t.stage_id === stage.id);
      return {
        stageId: stage.id,
        count: total?.n ?? 0,
        sumBase: total?.sum ?? '0',
        withoutRate: total?.without_rate ?? 0,
        deals: page.flatMap((c) => presented.get(c.id) ?? []),
        nextCursor: mine.length > query.limit && last ? encodeCursor(last.key, last.id) : null,
      };
    }),
  };
}
