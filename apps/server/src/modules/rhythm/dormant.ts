import { RHYTHM_LIST_CAP, type TDormantList, type TDormantQuery, ZDormantQuery } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { dayIn } from '../my-day/zoned-day.ts';
import { inReportQuery } from './in-report-query.ts';
import { customerScope } from './scope.ts';

/** The day `months` calendar months before `day` (the month's last day when it has fewer days). */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 - months, Math.min(date, last))).toISOString().slice(0, 10);
}

/**
 * Companies that bought before but not in the last `months` months: the most valuable first, with
 * the day of their last purchase and all they bought, in the base currency. A purchase is an order
 * not cancelled, or a won deal that no such order came from (so a deal and its order count once).
 */
export async function dormant(ctx: Ctx, raw: TDormantQuery, now: Date, timeZone: string): Promise<TDormantList> {
  const query = ZDormantQuery.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const since = monthsBefore(dayIn(timeZone, now), query.months);
  const [scope, baseCurrency] = await Promise.all([customerScope(ctx, query), baseCurrencyOf(ctx.db, workspaceId)]);
  const result = await inReportQuery(ctx, (tx) =>
    tx.execute<{
      id: string;
      name: string;
      owner_id: string | null;
      class: 'A' | 'B' | 'C' | null;
      last_purchase_on: string;
      revenue: string;
      total: number;
    }>(sql`
    WITH purchase AS (
      SELECT o.company_id, o.ordered_on AS day, coalesce(o.total_base, 0) AS amount
      FROM sales_order o WHERE o.workspace_id = ${workspaceId} AND o.status <> 'cancelled'
      UNION ALL
      SELECT d.company_id, coalesce(d.closed_on, d.rate_on), coalesce(d.amount_base, 0)
      FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      WHERE d.workspace_id = ${workspaceId} AND d.deleted_at IS NULL AND d.company_id IS NOT NULL AND s.kind = 'won'
        AND NOT EXISTS (SELECT 1 FROM sales_order o
          WHERE o.workspace_id = d.workspace_id AND o.deal_id = d.id AND o.status <> 'cancelled')
    ),
    bought AS (
      SELECT company_id, max(day) AS last_day, sum(amount) AS revenue FROM purchase GROUP BY company_id
      HAVING max(day) < ${since}::date
    )
    SELECT company.id, company.name, company.owner_id, company.class, b.last_day::text AS last_purchase_on,
      b.revenue::numeric(16, 2)::text AS revenue, (count(*) OVER ())::int AS total
    FROM bought b JOIN company ON company.workspace_id = ${workspaceId} AND company.id = b.company_id
    WHERE company.deleted_at IS NULL AND ${scope.company}
    ORDER BY b.revenue DESC, company.name, company.id
    LIMIT ${RHYTHM_LIST_CAP}`),
  );
  return {
    since,
    baseCurrency,
    data: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      ownerId: r.owner_id,
      class: r.class,
      lastPurchaseOn: r.last_purchase_on,
      lifetimeRevenueBase: r.revenue,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
