import {
  KPI_MEASURES,
  KPI_MONEY_MEASURES,
  type TKpiBoard,
  type TKpiFigure,
  type TKpiMeasure,
  type TKpiQuery,
  ZKpiQuery,
} from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { inKpiQuery, kpiSource, periodBounds, zoneOf } from './kpi-scope.ts';

/** Each measure's count and base-currency sum columns in the aggregate table. */
export const MEASURE_COLUMNS: Record<TKpiMeasure, { count: SQL; sum: SQL | null }> = {
  potentialClients: { count: sql`k.potential_clients`, sum: null },
  quotesSent: { count: sql`k.quotes_sent`, sum: sql`k.quotes_sent_base` },
  newDeals: { count: sql`k.new_deals`, sum: sql`k.new_deals_base` },
  dealsWon: { count: sql`k.deals_won`, sum: sql`k.deals_won_base` },
  complaintsReceived: { count: sql`k.complaints_received`, sum: null },
  complaintsResolved: { count: sql`k.complaints_resolved`, sum: null },
};

/** The hour (UTC) an instant falls in: the aggregates' buckets are whole hours. */
export const hourOf = (instant: Date) => {
  const hour = new Date(instant);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
};

/**
 * The daily KPI board: each measure in the current period so far and in the previous period up to
 * the same moment, read from the live hourly aggregates only (a few hundred rows, whatever the
 * number of deals), for what the reader may see.
 */
export async function kpiBoard(ctx: Ctx, raw: TKpiQuery): Promise<TKpiBoard> {
  const query = ZKpiQuery.parse(raw);
  return inKpiQuery(ctx, async (tx) => {
    const zone = await zoneOf(ctx, tx, query.timeZone);
    const bounds = await periodBounds(tx, query.period, zone);
    const curFrom = hourOf(bounds.curFrom).toISOString();
    const prevFrom = hourOf(bounds.prevFrom).toISOString();
    // The previous period stops where the current one starts, even when a half-hour zone shares that hour.
    const prevTo = new Date(Math.min(bounds.prevTo.getTime(), hourOf(bounds.curFrom).getTime())).toISOString();
    const source = await kpiSource(ctx, tx, query.unitId, { from: prevFrom, to: bounds.now.toISOString() });
    const inCurrent = sql`k.bucket >= ${curFrom}::timestamptz`;
    const inPrevious = sql`k.bucket < ${prevTo}::timestamptz`;
    const columns = KPI_MEASURES.flatMap((measure) => {
      const { count, sum } = MEASURE_COLUMNS[measure];
      return [
        sql`coalesce(sum(${count}) FILTER (WHERE ${inCurrent}), 0)::int`,
        sql`coalesce(sum(${count}) FILTER (WHERE ${inPrevious}), 0)::int`,
        sum ? sql`coalesce(sum(${sum}) FILTER (WHERE ${inCurrent}), 0)::numeric(18, 2)::text` : sql`null`,
        sum ? sql`coalesce(sum(${sum}) FILTER (WHERE ${inPrevious}), 0)::numeric(18, 2)::text` : sql`null`,
      ];
    });
    const [result, baseCurrency] = await Promise.all([
      tx.execute<Record<string, string | number | null>>(sql`
        SELECT ${sql.join(
          columns.map((c, i) => sql`${c} AS ${sql.identifier(`f${i}`)}`),
          sql`, `,
        )}
        FROM ${source}
        WHERE ${inCurrent} OR ${inPrevious}`),
      baseCurrencyOf(tx, ctx.actor.workspaceId),
    ]);
    const row = result.rows[0] ?? {};
    const field = (i: number) => row[`f${i}`] ?? null;
    const figure = (count: number, sum: string | number | null): TKpiFigure => ({
      count: Number(count ?? 0),
      sum: sum === null ? null : String(sum),
    });
    return {
      period: query.period,
      timeZone: zone,
      baseCurrency,
      current: { from: bounds.curFrom.toISOString(), to: bounds.now.toISOString() },
      previous: { from: bounds.prevFrom.toISOString(), to: bounds.prevTo.toISOString() },
      kpis: KPI_MEASURES.map((measure, m) => ({
        measure,
        current: figure(Number(field(m * 4)), KPI_MONEY_MEASURES.includes(measure) ? field(m * 4 + 2) : null),
        previous: figure(Number(field(m * 4 + 1)), KPI_MONEY_MEASURES.includes(measure) ? field(m * 4 + 3) : null),
      })),
      refreshedAt: bounds.now.toISOString(),
    };
  });
}
