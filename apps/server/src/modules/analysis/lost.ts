import type { TLostReasonRow, TWonLostQuery, TWonLostReport } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { readableDeals } from '../deals/index.ts';
import { percentOf } from './funnel.ts';
import { cents, inReport } from './report-source.ts';
import { type GroupedRow, groupedQuery, sortRows } from './sales-report.ts';

type Row = GroupedRow & { won: number; lost: number; win_rate: string | null; won_amount: string; lost_amount: string };

/**
 * Deals won and lost in the period (by close date), per period, branch, manager or product, with
 * what was won and what was lost; and the lost deals by the reason given, "none" a row of its own.
 */
export async function wonLostReport(ctx: Ctx, query: TWonLostQuery): Promise<TWonLostReport> {
  return inReport(ctx, async (tx) => {
    const source = sql`SELECT deal.id, deal.closed_on AS on_day, st.kind, coalesce(deal.amount_base, 0) AS amount, deal.lost_reason_id,
        deal.unit_id, deal.owner_id, deal.product_id, deal.company_id, deal.workspace_id
      FROM deal JOIN pipeline_stage st ON st.workspace_id = deal.workspace_id AND st.id = deal.stage_id AND st.kind IN ('won', 'lost')
      WHERE ${await readableDeals(ctx)} AND deal.closed_on IS NOT NULL
        ${query.from ? sql`AND deal.closed_on >= ${query.from}::date` : sql``}
        ${query.to ? sql`AND deal.closed_on <= ${query.to}::date` : sql``}
        ${query.unitId ? sql`AND deal.unit_id = ${query.unitId}::uuid` : sql``}
        ${query.ownerId ? sql`AND deal.owner_id = ${query.ownerId}::uuid` : sql``}
        ${query.productId ? sql`AND deal.product_id = ${query.productId}::uuid` : sql``}`;
    const measures = sql`count(*) FILTER (WHERE s.kind = 'won')::int AS won, count(*) FILTER (WHERE s.kind = 'lost')::int AS lost,
      CASE WHEN count(*) > 0 THEN round(100 * count(*) FILTER (WHERE s.kind = 'won')::numeric / count(*), 2)::text END AS win_rate,
      coalesce(sum(s.amount) FILTER (WHERE s.kind = 'won'), 0)::numeric(18, 2)::text AS won_amount,
      coalesce(sum(s.amount) FILTER (WHERE s.kind = 'lost'), 0)::numeric(18, 2)::text AS lost_amount`;
    const grouped = await tx.execute<Row>(groupedQuery(source, query.groupBy, undefined, measures));
    const reasons = await tx.execute<{ key: string | null; label: string | null; n: number; amount: string }>(sql`
      SELECT s.lost_reason_id::text AS key, r.name AS label, count(*)::int AS n, sum(s.amount)::numeric(18, 2)::text AS amount
      FROM (${source}) s LEFT JOIN lost_reason r ON r.workspace_id = s.workspace_id AND r.id = s.lost_reason_id
      WHERE s.kind = 'lost'
      GROUP BY s.lost_reason_id, r.name`);

    const measuresOf = (r: Row) => ({ won: r.won, lost: r.lost, winRate: r.win_rate, wonAmount: r.won_amount, lostAmount: r.lost_amount });
    const rows = sortRows(
      grouped.rows.filter((r) => r.g1 === 0).map((r) => ({ key: r.k1, label: r.l1 ?? '', ...measuresOf(r) })),
      query.groupBy,
      (r) => BigInt(r.won + r.lost),
    );
    const total = grouped.rows.find((r) => r.g1 === 1);
    const lost = reasons.rows.reduce((sum, r) => sum + r.n, 0);
    const byReason: TLostReasonRow[] = reasons.rows
      .map((r) => ({ key: r.key, label: r.label ?? '', count: r.n, amount: r.amount, share: percentOf(r.n, lost) ?? '0.00' }))
      .sort((a, b) => {
        if (a.count !== b.count) return b.count - a.count;
        const difference = cents(b.amount) - cents(a.amount);
        if (difference !== 0n) return difference > 0n ? 1 : -1;
        return a.label.localeCompare(b.label);
      });
    return {
      groupBy: query.groupBy,
      baseCurrency: await baseCurrencyOf(tx, ctx.actor.workspaceId),
      rows,
      total: total ? measuresOf(total) : { won: 0, lost: 0, winRate: null, wonAmount: '0.00', lostAmount: '0.00' },
      reasons: byReason,
    };
  });
}
