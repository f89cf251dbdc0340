import { KPI_MONEY_MEASURES, type TKpiPoint, type TKpiSeries, type TKpiSeriesQuery, ZKpiSeriesQuery } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { hourOf, MEASURE_COLUMNS } from './kpi-board.ts';
import { inKpiQuery, kpiSource, periodBounds, zoneOf } from './kpi-scope.ts';

const SPAN = { today: 'day', week: 'week', month: 'month' } as const;

/**
 * One measure step by step for a chart: today hour by hour, a week or a month day by day, in the
 * reader's time zone, beside the whole previous period (yesterday, last week, last month) step by
 * step. Read from the hourly aggregates only.
 */
export async function kpiSeries(ctx: Ctx, raw: TKpiSeriesQuery): Promise<TKpiSeries> {
  const query = ZKpiSeriesQuery.parse(raw);
  const step = query.period === 'today' ? 'hour' : 'day';
  const span = SPAN[query.period];
  const { count, sum } = MEASURE_COLUMNS[query.measure];
  const money = KPI_MONEY_MEASURES.includes(query.measure);
  return inKpiQuery(ctx, async (tx) => {
    const zone = await zoneOf(ctx, tx, query.timeZone);
    const bounds = await periodBounds(tx, query.period, zone);
    // From the previous period's first hour to past the end of the current one (a month at most).
    const source = await kpiSource(ctx, tx, query.unitId, {
      from: hourOf(bounds.prevFrom).toISOString(),
      to: new Date(bounds.curFrom.getTime() + 32 * 86_400_000).toISOString(),
    });
    const oneSpan = `1 ${span}`;
    const oneStep = `1 ${step}`;
    // Steps are local (a summer-time day has 23 or 25 hours); each sums the UTC hours it covers.
    const [result, baseCurrency] = await Promise.all([
      tx.execute<{ which: 'current' | 'previous'; i: number; start: number; n: number; amount: string; now: number }>(sql`
        WITH p AS (SELECT now() AS now, date_trunc(${span}, now() AT TIME ZONE ${zone}) AS local_start),
        steps AS (
          SELECT 'current' AS which, g.ord - 1 AS i, g.s FROM p,
            generate_series(p.local_start, p.local_start + ${oneSpan}::interval - ${oneStep}::interval, ${oneStep}::interval) WITH ORDINALITY AS g(s, ord)
          UNION ALL
          SELECT 'previous', g.ord - 1, g.s FROM p,
            generate_series(p.local_start - ${oneSpan}::interval, p.local_start - ${oneStep}::interval, ${oneStep}::interval) WITH ORDINALITY AS g(s, ord)
        ),
        spans AS (
          SELECT which, i, s AT TIME ZONE ${zone} AS start,
            date_trunc('hour', s AT TIME ZONE ${zone}, 'UTC') AS b_from,
            date_trunc('hour', (s + ${oneStep}::interval) AT TIME ZONE ${zone}, 'UTC') AS b_to
          FROM steps
        )
        SELECT sp.which, sp.i::int AS i, (extract(epoch FROM sp.start) * 1000)::float8 AS start,
          coalesce(sum(${count}), 0)::int AS n, coalesce(sum(${sum ?? sql`0`}), 0)::numeric(18, 2)::text AS amount,
          (SELECT (extract(epoch FROM now) * 1000)::float8 FROM p) AS now
        FROM spans sp
        LEFT JOIN ${source} ON k.bucket >= sp.b_from AND k.bucket < sp.b_to
        GROUP BY sp.which, sp.i, sp.start
        ORDER BY sp.which, sp.i`),
      baseCurrencyOf(tx, ctx.actor.workspaceId),
    ]);
    const points = (which: 'current' | 'previous'): TKpiPoint[] =>
      result.rows
        .filter((r) => r.which === which)
        .map((r) => ({
          index: Number(r.i),
          start: new Date(Number(r.start)).toISOString(),
          count: Number(r.n),
          sum: money ? String(r.amount) : null,
        }));
    const now = result.rows[0]?.now;
    return {
      measure: query.measure,
      period: query.period,
      step,
      timeZone: zone,
      baseCurrency,
      current: points('current'),
      previous: points('previous'),
      refreshedAt: new Date(now === undefined ? Date.now() : Number(now)).toISOString(),
    };
  });
}
