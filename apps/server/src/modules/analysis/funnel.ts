import type { TFunnelQuery, TFunnelReport, TFunnelStage } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { createdInDays, ensureDefaultPipeline, readableDeals } from '../deals/index.ts';
import { inReport } from './report-source.ts';

/** `part` out of `whole` in per cent, rounded half up to two decimals, exactly; null out of nothing. */
export function percentOf(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const hundredths = Math.floor((2 * part * 10_000 + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The pipeline asked for, or the workspace's default one (400 naming `pipelineId` when there is no such pipeline). */
async function pipelineOf(tx: Executor, workspaceId: string, id: string | undefined) {
  const result = await tx.execute<{ id: string; name: string }>(sql`
    SELECT p.id, p.name FROM pipeline p
    WHERE p.workspace_id = ${workspaceId} AND p.deleted_at IS NULL ${id ? sql`AND p.id = ${id}::uuid` : sql``}
    ORDER BY p.is_default DESC, p.position, p.created_at LIMIT 1`);
  const pipeline = result.rows[0];
  if (!pipeline)
    throw new AppError('validation_failed', 'No such pipeline', { errors: [{ path: 'pipelineId', message: 'No such pipeline' }] });
  return pipeline;
}

type Row = {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  probability: number;
  reached: number;
  reached_amount: string;
  current: number;
  current_amount: string;
  average_days: string | null;
  median_days: string | null;
  measured: number;
  still_in: number;
  deals: number;
};

/**
 * The funnel of a pipeline's deals created in the period (days on the calendar of `timeZone`):
 * per stage, how many reached it and converted from the stage before and from the first, how many
 * are there now, and how long deals stayed in each open stage — from their stage history, with a
 * window over each deal's moves, deals still in a stage counted up to `now`.
 */
export async function funnelReport(ctx: Ctx, query: TFunnelQuery, now: Date, timeZone: string): Promise<TFunnelReport> {
  const ws = ctx.actor.workspaceId;
  if (!query.pipelineId) await ensureDefaultPipeline(ctx.db, ws);
  return inReport(ctx, async (tx) => {
    const pipeline = await pipelineOf(tx, ws, query.pipelineId);
    const created = createdInDays(timeZone, query.from, query.to);
    const result = await tx.execute<Row>(sql`
      WITH stages AS (
        SELECT s.id, s.name, s.kind, s.probability,
          row_number() OVER (ORDER BY CASE s.kind WHEN 'open' THEN 0 WHEN 'won' THEN 1 ELSE 2 END, s.position)::int AS ord
        FROM pipeline_stage s WHERE s.workspace_id = ${ws} AND s.pipeline_id = ${pipeline.id} AND s.deleted_at IS NULL
      ), d AS (
        SELECT deal.id, deal.stage_id, coalesce(deal.amount_base, 0) AS amount FROM deal
        WHERE ${await readableDeals(ctx)} AND deal.pipeline_id = ${pipeline.id}
          ${created ? sql`AND ${created}` : sql``}
          ${query.unitId ? sql`AND deal.unit_id = ${query.unitId}::uuid` : sql``}
          ${query.ownerId ? sql`AND deal.owner_id = ${query.ownerId}::uuid` : sql``}
          ${query.productId ? sql`AND deal.product_id = ${query.productId}::uuid` : sql``}
      ), moves AS (
        SELECT c.deal_id, c.to_stage_id AS stage_id, c.changed_at AS entered_at,
          lead(c.changed_at) OVER (PARTITION BY c.deal_id ORDER BY c.changed_at, c.id) AS left_at
        FROM deal_stage_change c JOIN d ON d.id = c.deal_id WHERE c.workspace_id = ${ws}
      ), entered AS (
        SELECT deal_id, stage_id FROM moves UNION SELECT id, stage_id FROM d
      ), depth AS (
        -- How far each deal came: its furthest open stage, whether it was won, the closing stages it entered.
        SELECT e.deal_id, max(s.ord) FILTER (WHERE s.kind = 'open') AS open_depth, bool_or(s.kind = 'won') AS won,
          array_agg(s.id) FILTER (WHERE s.kind <> 'open') AS closing
        FROM entered e JOIN stages s ON s.id = e.stage_id GROUP BY e.deal_id
      ), reached AS (
        SELECT s.id AS stage_id, count(*)::int AS n, sum(d.amount) AS amount
        FROM stages s
        JOIN depth ON CASE WHEN s.kind = 'open' THEN depth.won OR depth.open_depth >= s.ord ELSE s.id = ANY(depth.closing) END
        JOIN d ON d.id = depth.deal_id
        GROUP BY s.id
      ), per_deal AS (
        -- Each deal's stays in a stage added up; the stay it is still in runs to now.
        SELECT m.stage_id, m.deal_id,
          sum(extract(epoch FROM coalesce(m.left_at, ${now.toISOString()}::timestamptz) - m.entered_at)) / 86400 AS days,
          bool_or(m.left_at IS NULL) AS still_in
        FROM moves m JOIN d ON d.id = m.deal_id
        WHERE m.left_at IS NOT NULL OR m.stage_id = d.stage_id
        GROUP BY m.stage_id, m.deal_id
      ), durations AS (
        SELECT stage_id, round(avg(days), 2)::text AS average_days,
          round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days::float8))::numeric, 2)::text AS median_days,
          count(*)::int AS measured, count(*) FILTER (WHERE still_in)::int AS still_in
        FROM per_deal GROUP BY stage_id
      ), present AS (
        SELECT stage_id, count(*)::int AS n, sum(amount) AS amount FROM d GROUP BY stage_id
      )
      SELECT s.id, s.name, s.kind, s.probability,
        coalesce(r.n, 0) AS reached, coalesce(r.amount, 0)::numeric(18, 2)::text AS reached_amount,
        coalesce(p.n, 0) AS current, coalesce(p.amount, 0)::numeric(18, 2)::text AS current_amount,
        du.average_days, du.median_days, coalesce(du.measured, 0) AS measured, coalesce(du.still_in, 0) AS still_in,
        (SELECT count(*) FROM d)::int AS deals
      FROM stages s
      LEFT JOIN reached r ON r.stage_id = s.id
      LEFT JOIN present p ON p.stage_id = s.id
      LEFT JOIN durations du ON du.stage_id = s.id
      ORDER BY s.ord`);

    const rows = result.rows;
    const open = rows.filter((row) => row.kind === 'open');
    const first = open[0]?.reached ?? 0;
    const lastOpen = open.at(-1)?.reached ?? 0;
    const stages = rows.map((row): TFunnelStage => {
      const index = open.indexOf(row);
      const previous = row.kind === 'won' ? lastOpen : index > 0 ? (open[index - 1]?.reached ?? 0) : null;
      const measuredHere = row.kind === 'open';
      return {
        stage: { id: row.id, name: row.name, kind: row.kind, probability: row.probability },
        reached: row.reached,
        reachedAmount: row.reached_amount,
        fromPrevious: previous === null ? null : percentOf(row.reached, previous),
        fromFirst: percentOf(row.reached, first),
        current: row.current,
        currentAmount: row.current_amount,
        averageDays: measuredHere ? row.average_days : null,
        medianDays: measuredHere ? row.median_days : null,
        measured: measuredHere ? row.measured : 0,
        stillIn: measuredHere ? row.still_in : 0,
      };
    });
    return {
      pipeline,
      baseCurrency: await baseCurrencyOf(tx, ws),
      asOf: now.toISOString(),
      timeZone,
      deals: rows[0]?.deals ?? 0,
      stages,
    };
  });
}
