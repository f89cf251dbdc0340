import type { TRoiCut, TRoiCutQuery, TRoiFigures, TRoiQuery, TRoiRow } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { creditedTouch } from './attribution.ts';
import { marketingPolicy } from './campaigns.policy.ts';
import { actorZone } from './shared.ts';

type Period = { from: string; to: string; zone: SQL<string> } | null;
type Options = {
  workspaceId: string;
  period: Period;
  by: 'campaign' | 'source';
  attribution: 'converted' | 'first';
  /** Only this campaign or source. */
  only?: string;
};

type FiguresRow = {
  item: string | null;
  total: boolean;
  leads: number;
  deals: number;
  won: number;
  revenue: string;
  cost: string;
  cost_per_lead: string | null;
  cost_per_won: string | null;
  roi: string | null;
  revenue_per_cost: string | null;
};

const within = (column: SQL, period: Period) =>
  period
    ? sql`(${column} >= (${period.from}::date::timestamp AT TIME ZONE ${period.zone}) AND ${column} < ((${period.to}::date + 1)::timestamp AT TIME ZONE ${period.zone}))`
    : sql`true`;
const onDays = (column: SQL, period: Period) => (period ? sql`(${column} BETWEEN ${period.from}::date AND ${period.to}::date)` : sql`true`);

/**
 * Leads, deals, won deals, revenue and cost per campaign (or source) and in total, with the
 * ratios computed by PostgreSQL on exact decimals. A lead counts for its first touch; a deal, by
 * its own attribution, with `converted` for its converting touch when it has one, else for its
 * first touch. A source also gets the records of its campaigns that name no source themselves.
 */
export async function roiFigures(db: Executor, o: Options): Promise<FiguresRow[]> {
  const ws = o.workspaceId;
  const touch = creditedTouch('d', o.attribution);
  const leadItem = o.by === 'campaign' ? sql.raw('l.campaign_id') : sql.raw('coalesce(l.source_id, lc.source_id)');
  const dealItem = o.by === 'campaign' ? touch.campaignId : sql`coalesce(${touch.sourceId}, dc.source_id)`;
  const only = (item: SQL) => (o.only ? sql`${item} = ${o.only}::uuid` : sql`true`);
  const costItem = o.by === 'campaign' ? sql.raw('c.id') : sql.raw('c.source_id');
  const result = await db.execute<FiguresRow>(sql`
    WITH lead_by AS (
      SELECT ${leadItem} AS item, count(*)::int AS leads
      FROM lead l LEFT JOIN campaign lc ON lc.workspace_id = l.workspace_id AND lc.id = l.campaign_id
      WHERE l.workspace_id = ${ws} AND l.deleted_at IS NULL AND ${within(sql.raw('l.created_at'), o.period)} AND ${only(leadItem)}
      GROUP BY 1
    ), deal_item AS (
      SELECT ${dealItem} AS item, d.created_at, d.closed_on, d.amount_base, s.kind
      FROM deal d
      JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      LEFT JOIN campaign dc ON dc.workspace_id = d.workspace_id AND dc.id = ${touch.campaignId}
      WHERE d.workspace_id = ${ws} AND d.deleted_at IS NULL
    ), deal_by AS (
      SELECT item,
        count(*) FILTER (WHERE ${within(sql.raw('created_at'), o.period)})::int AS deals,
        count(*) FILTER (WHERE kind = 'won' AND ${onDays(sql.raw('closed_on'), o.period)})::int AS won,
        coalesce(sum(amount_base) FILTER (WHERE kind = 'won' AND ${onDays(sql.raw('closed_on'), o.period)}), 0) AS revenue
      FROM deal_item WHERE ${only(sql.raw('item'))}
      GROUP BY item
    ), cost_by AS (
      SELECT ${costItem} AS item, sum(cc.actual) AS cost
      FROM campaign_cost cc JOIN campaign c ON c.workspace_id = cc.workspace_id AND c.id = cc.campaign_id
      WHERE cc.workspace_id = ${ws} AND c.deleted_at IS NULL AND ${onDays(sql.raw('cc.incurred_on'), o.period)} AND ${only(costItem)}
      GROUP BY 1
    ), per_item AS (
      SELECT k.item, coalesce(l.leads, 0) AS leads, coalesce(d.deals, 0) AS deals, coalesce(d.won, 0) AS won,
        coalesce(d.revenue, 0) AS revenue, coalesce(c.cost, 0) AS cost
      FROM (SELECT item FROM lead_by UNION SELECT item FROM deal_by UNION SELECT item FROM cost_by) k
      LEFT JOIN lead_by l ON l.item IS NOT DISTINCT FROM k.item
      LEFT JOIN deal_by d ON d.item IS NOT DISTINCT FROM k.item
      LEFT JOIN cost_by c ON c.item IS NOT DISTINCT FROM k.item
    ), summed AS (
      SELECT item, grouping(item) = 1 AS total, coalesce(sum(leads), 0)::int AS leads, coalesce(sum(deals), 0)::int AS deals,
        coalesce(sum(won), 0)::int AS won, coalesce(sum(revenue), 0)::numeric(16, 2) AS revenue,
        coalesce(sum(cost), 0)::numeric(16, 2) AS cost
      FROM per_item GROUP BY GROUPING SETS ((item), ())
    )
    SELECT item, total, leads, deals, won, revenue::text, cost::text,
      CASE WHEN leads > 0 THEN round(cost / leads, 2)::text END AS cost_per_lead,
      CASE WHEN won > 0 THEN round(cost / won, 2)::text END AS cost_per_won,
      CASE WHEN cost > 0 THEN round((revenue - cost) / cost, 4)::text END AS roi,
      CASE WHEN cost > 0 THEN round(revenue / cost, 4)::text END AS revenue_per_cost
    FROM summed`);
  return result.rows;
}

const ZERO: FiguresRow = {
  item: null,
  total: true,
  leads: 0,
  deals: 0,
  won: 0,
  revenue: '0.00',
  cost: '0.00',
  cost_per_lead: null,
  cost_per_won: null,
  roi: null,
  revenue_per_cost: null,
};

/** The API's figures of one row of roiFigures (or none: all zero). */
export function presentFigures(row: FiguresRow = ZERO): TRoiFigures {
  const num = (value: string | null) => (value === null ? null : Number(value));
  return {
    leads: row.leads,
    deals: row.deals,
    wonDeals: row.won,
    revenue: row.revenue,
    cost: row.cost,
    costPerLead: row.cost_per_lead,
    costPerWonDeal: row.cost_per_won,
    roi: num(row.roi),
    revenuePerCost: num(row.revenue_per_cost),
  };
}

type Named = { id: string; name: string; source_id: string | null; source_name: string | null; shown: boolean };

/** The campaigns or sources a report names, with those worth a row even without figures. */
async function namesOf(db: Executor, workspaceId: string, by: 'campaign' | 'source', from: string, to: string): Promise<Named[]> {
  const result =
    by === 'campaign'
      ? await db.execute<Named>(sql`SELECT c.id, c.name, c.source_id, s.name AS source_name,
          (c.deleted_at IS NULL AND (c.starts_on IS NULL OR c.starts_on <= ${to}::date) AND (c.ends_on IS NULL OR c.ends_on >= ${from}::date)) AS shown
          FROM campaign c LEFT JOIN lead_source s ON s.workspace_id = c.workspace_id AND s.id = c.source_id
          WHERE c.workspace_id = ${workspaceId}`)
      : await db.execute<Named>(sql`SELECT s.id, s.name, NULL AS source_id, NULL AS source_name, s.active AS shown
          FROM lead_source s WHERE s.workspace_id = ${workspaceId}`);
  return result.rows;
}

/** `GET /marketing/roi`: what each campaign or source brought in a period against what it cost. */
export async function roiReport(ctx: Ctx, query: TRoiQuery) {
  await marketingPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const period = { from: query.from, to: query.to, zone: actorZone(workspaceId, ctx.actor.userId) };
  const [figures, names, baseCurrency] = await Promise.all([
    roiFigures(ctx.db, { workspaceId, period, by: query.by, attribution: query.attribution }),
    namesOf(ctx.db, workspaceId, query.by, query.from, query.to),
    baseCurrencyOf(ctx.db, workspaceId),
  ]);
  const byItem = new Map(figures.filter((f) => !f.total).map((f) => [f.item, f]));
  const rows: TRoiRow[] = [];
  for (const named of names) {
    const found = byItem.get(named.id);
    if (!found && !named.shown) continue;
    rows.push({
      item: { id: named.id, name: named.name },
      source: named.source_id ? { id: named.source_id, name: named.source_name ?? '' } : null,
      ...presentFigures(found ?? undefined),
    });
  }
  const unattributed = byItem.get(null);
  if (unattributed) rows.push({ item: null, source: null, ...presentFigures(unattributed) });
  rows.sort(
    (a, b) =>
      Number(b.revenue) - Number(a.revenue) ||
      Number(b.cost) - Number(a.cost) ||
      (a.item?.name ?? '\uffff').localeCompare(b.item?.name ?? '\uffff'),
  );
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    attribution: query.attribution,
    baseCurrency,
    rows,
    totals: presentFigures(figures.find((f) => f.total)),
  };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (value: number) => (value / 100).toFixed(2);
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/**
 * `GET /marketing/roi/cut`: the sources that spent in the period, best revenue per unit of cost
 * first; the worst ones, taken from the bottom until their cost reaches the asked share of the
 * total, are those a cut of that size would stop, and their revenue is what it puts at risk.
 */
export async function roiCut(ctx: Ctx, query: TRoiCutQuery): Promise<TRoiCut> {
  const report = await roiReport(ctx, { from: query.from, to: query.to, by: 'source', attribution: 'converted' });
  const spent = report.rows
    .filter((row): row is typeof row & { item: { id: string; name: string } } => row.item !== null && cents(row.cost) > 0)
    .map((row) => ({ source: row.item, cost: cents(row.cost), revenue: cents(row.revenue) }))
    // Exact comparison of revenue/cost ratios: a.rev * b.cost vs b.rev * a.cost.
    .sort((a, b) => b.revenue * a.cost - a.revenue * b.cost || b.cost - a.cost || a.source.name.localeCompare(b.source.name));
  const totalCost = spent.reduce((sum, row) => sum + row.cost, 0);
  const totalRevenue = spent.reduce((sum, row) => sum + row.revenue, 0);
  const cut = new Set<number>();
  let worse = 0;
  for (let i = spent.length - 1; i >= 0; i -= 1) {
    if (worse * 100 >= totalCost * query.percent) break;
    cut.add(i);
    worse += spent[i]?.cost ?? 0;
  }
  let cumulative = 0;
  const rows = spent.map((row, i) => {
    cumulative += row.cost;
    return {
      source: row.source,
      cost: money(row.cost),
      revenue: money(row.revenue),
      revenuePerCost: Math.round((row.revenue / row.cost) * 10_000) / 10_000,
      costShare: share(row.cost, totalCost),
      cumulativeCostShare: share(cumulative, totalCost),
      cut: cut.has(i),
    };
  });
  const cutRows = spent.filter((_, i) => cut.has(i));
  return {
    from: query.from,
    to: query.to,
    percent: query.percent,
    baseCurrency: report.baseCurrency,
    rows,
    totalCost: money(totalCost),
    totalRevenue: money(totalRevenue),
    cutCost: money(cutRows.reduce((sum, row) => sum + row.cost, 0)),
    revenueAtRisk: money(cutRows.reduce((sum, row) => sum + row.revenue, 0)),
  };
}
