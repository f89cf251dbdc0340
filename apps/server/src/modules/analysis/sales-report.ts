import type {
  TCustomersReport,
  TCustomersReportQuery,
  TGroupedReportRow,
  TReportRow,
  TSalesGrouping,
  TSalesReport,
  TSalesReportQuery,
  TWinRateQuery,
  TWinRateReport,
} from '@clientela/contract';
import { PERIOD_GROUPINGS } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { readableDeals } from '../deals/index.ts';
import { cents, inReport, monthlySource, revenueSource } from './report-source.ts';

export type Grouping = TSalesGrouping | 'status' | 'class';

/** A grouping's key and label over the source `s`, and the join that names it. */
export function dimension(grouping: Grouping, alias: string): { key: SQL; label: SQL; join: SQL } {
  const none = sql``;
  switch (grouping) {
    case 'month':
      return { key: sql`to_char(s.on_day, 'YYYY-MM')`, label: sql`to_char(s.on_day, 'YYYY-MM')`, join: none };
    case 'quarter':
      return { key: sql`to_char(s.on_day, 'YYYY-"Q"Q')`, label: sql`to_char(s.on_day, 'YYYY-"Q"Q')`, join: none };
    case 'year':
      return { key: sql`to_char(s.on_day, 'YYYY')`, label: sql`to_char(s.on_day, 'YYYY')`, join: none };
    case 'unit':
      return {
        key: sql`s.unit_id::text`,
        label: sql.raw(`${alias}.name`),
        join: sql.raw(`LEFT JOIN unit ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.unit_id`),
      };
    case 'owner':
      return {
        key: sql`s.owner_id::text`,
        label: sql.raw(`${alias}.name`),
        join: sql.raw(`LEFT JOIN app_user ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.owner_id`),
      };
    case 'product':
      return {
        key: sql`s.product_id::text`,
        label: sql.raw(`${alias}.name`),
        join: sql.raw(`LEFT JOIN product ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.product_id`),
      };
    case 'company':
      return {
        key: sql`s.company_id::text`,
        label: sql.raw(`${alias}.name`),
        join: sql.raw(`LEFT JOIN company ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.company_id`),
      };
    case 'region':
      // The region of the customer base: the company's own field.
      return {
        key: sql.raw(`nullif(btrim(${alias}.region), '')`),
        label: sql.raw(`nullif(btrim(${alias}.region), '')`),
        join: sql.raw(`LEFT JOIN company ${alias} ON ${alias}.workspace_id = s.workspace_id AND ${alias}.id = s.company_id`),
      };
    case 'status':
      return { key: sql`s.status`, label: sql`s.status`, join: none };
    case 'class':
      return { key: sql`s.class`, label: sql`s.class`, join: none };
  }
}

export type GroupedRow = { k1: string | null; l1: string | null; k2: string | null; l2: string | null; g1: number; g2: number };

/**
 * Groups `source` by one or two levels in one pass (GROUPING SETS): the groups, their subgroups
 * and the grand total, each counted and summed exactly in PostgreSQL.
 */
export function groupedQuery(source: SQL, groupBy: Grouping, thenBy: Grouping | undefined, measures: SQL): SQL {
  const first = dimension(groupBy, 'd1');
  const second = thenBy ? dimension(thenBy, 'd2') : { key: sql`NULL::text`, label: sql`NULL::text`, join: sql`` };
  const sets = thenBy ? sql`GROUPING SETS ((), (k1, l1), (k1, l1, k2, l2))` : sql`GROUPING SETS ((), (k1, l1))`;
  const g2 = thenBy ? sql`grouping(k2)::int` : sql`1`;
  const level2 = thenBy ? sql`k2, l2` : sql`NULL::text AS k2, NULL::text AS l2`;
  return sql`SELECT k1, l1, ${level2}, grouping(k1)::int AS g1, ${g2} AS g2, ${measures}
    FROM (SELECT s.*, ${first.key} AS k1, ${first.label} AS l1, ${second.key} AS k2, ${second.label} AS l2
      FROM (${source}) s ${first.join} ${second.join}) s
    GROUP BY ${sets}`;
}

const isPeriod = (grouping: Grouping) => (PERIOD_GROUPINGS as readonly string[]).includes(grouping);

/** Periods in time order; everything else largest first, then by name. */
export function sortRows<T extends { key: string | null; label: string }>(rows: T[], grouping: Grouping, size: (row: T) => bigint): T[] {
  return rows.sort((a, b) => {
    if (isPeriod(grouping)) return (a.key ?? '').localeCompare(b.key ?? '');
    const difference = size(b) - size(a);
    if (difference !== 0n) return difference > 0n ? 1 : -1;
    return a.label.localeCompare(b.label);
  });
}

export type Measured = GroupedRow & { n: number; amount: string | null };

/** The GROUPING SETS rows as a two-level tree with its total. */
export function tree(rows: Measured[], groupBy: Grouping, thenBy: Grouping | undefined) {
  const row = (key: string | null, label: string | null, r: Measured): TReportRow => ({
    key,
    label: label ?? '',
    count: r.n,
    amount: r.amount,
  });
  const size = (r: TReportRow) => (r.amount === null ? BigInt(r.count) : cents(r.amount));
  const parents: TGroupedReportRow[] = rows.filter((r) => r.g1 === 0 && r.g2 === 1).map((r) => row(r.k1, r.l1, r));
  if (thenBy) {
    for (const parent of parents) {
      parent.children = sortRows(
        rows.filter((r) => r.g2 === 0 && r.k1 === parent.key).map((r) => row(r.k2, r.l2, r)),
        thenBy,
        size,
      );
    }
  }
  const total = rows.find((r) => r.g1 === 1);
  return { rows: sortRows(parents, groupBy, size), total: { count: total?.n ?? 0, amount: total?.amount ?? null } };
}

/** Sales grouped by up to two of period, branch, manager, product, region and customer, in the base currency. */
export async function salesReport(ctx: Ctx, query: TSalesReportQuery): Promise<TSalesReport> {
  const byProduct = query.groupBy === 'product' || query.thenBy === 'product';
  // Without products, the monthly aggregate holds every figure: a row per month and customer read
  // instead of one per deal or order.
  const monthly = !byProduct && !query.productId;
  return inReport(ctx, async (tx) => {
    const source = monthly ? await monthlySource(ctx, query.basis, query) : await revenueSource(ctx, query.basis, query, byProduct);
    const withWorkspace = sql`SELECT src.*, ${ctx.actor.workspaceId}::uuid AS workspace_id FROM (${source}) src`;
    const measures = monthly
      ? sql`coalesce(sum(s.n), 0)::int AS n, coalesce(sum(s.amount), 0)::numeric(18, 2)::text AS amount`
      : sql`count(DISTINCT s.id)::int AS n, coalesce(sum(s.amount), 0)::numeric(18, 2)::text AS amount`;
    const result = await tx.execute<Measured>(groupedQuery(withWorkspace, query.groupBy, query.thenBy, measures));
    // Months at the period's ends whose records all fell outside it net to nothing: no group.
    const counted = monthly ? result.rows.filter((r) => r.n !== 0 || r.g1 === 1) : result.rows;
    const { rows, total } = tree(counted, query.groupBy, query.thenBy);
    return {
      groupBy: query.groupBy,
      thenBy: query.thenBy ?? null,
      basis: query.basis,
      baseCurrency: await baseCurrencyOf(tx, ctx.actor.workspaceId),
      rows,
      total: { count: total.count, amount: total.amount ?? '0.00' },
    };
  });
}

/** Won and lost deals closed in the period, per group: how many, the win rate and what was won. */
export async function winRateReport(ctx: Ctx, query: TWinRateQuery): Promise<TWinRateReport> {
  return inReport(ctx, async (tx) => {
    const source = sql`SELECT deal.id, deal.closed_on AS on_day, st.kind, coalesce(deal.amount_base, 0) AS amount,
        deal.unit_id, deal.owner_id, deal.product_id, deal.company_id, deal.workspace_id
      FROM deal JOIN pipeline_stage st ON st.workspace_id = deal.workspace_id AND st.id = deal.stage_id AND st.kind IN ('won', 'lost')
      WHERE ${await readableDeals(ctx)} AND deal.closed_on IS NOT NULL
        ${query.from ? sql`AND deal.closed_on >= ${query.from}::date` : sql``}
        ${query.to ? sql`AND deal.closed_on <= ${query.to}::date` : sql``}
        ${query.unitId ? sql`AND deal.unit_id = ${query.unitId}::uuid` : sql``}
        ${query.ownerId ? sql`AND deal.owner_id = ${query.ownerId}::uuid` : sql``}
        ${query.productId ? sql`AND deal.product_id = ${query.productId}::uuid` : sql``}`;
    // Half up to two decimals (numeric division of whole numbers is exact at this scale).
    const measures = sql`count(*) FILTER (WHERE s.kind = 'won')::int AS won, count(*) FILTER (WHERE s.kind = 'lost')::int AS lost,
      CASE WHEN count(*) > 0 THEN round(100 * count(*) FILTER (WHERE s.kind = 'won')::numeric / count(*), 2)::text END AS win_rate,
      coalesce(sum(s.amount) FILTER (WHERE s.kind = 'won'), 0)::numeric(18, 2)::text AS won_amount`;
    type Row = GroupedRow & { won: number; lost: number; win_rate: string | null; won_amount: string };
    const result = await tx.execute<Row>(groupedQuery(source, query.groupBy, undefined, measures));
    const measuresOf = (r: Row) => ({ won: r.won, lost: r.lost, winRate: r.win_rate, wonAmount: r.won_amount });
    const rows = sortRows(
      result.rows.filter((r) => r.g1 === 0).map((r) => ({ key: r.k1, label: r.l1 ?? '', ...measuresOf(r) })),
      query.groupBy,
      (r) => BigInt(r.won + r.lost),
    );
    const total = result.rows.find((r) => r.g1 === 1);
    return {
      groupBy: query.groupBy,
      baseCurrency: await baseCurrencyOf(tx, ctx.actor.workspaceId),
      rows,
      total: total ? measuresOf(total) : { won: 0, lost: 0, winRate: null, wonAmount: '0.00' },
    };
  });
}

/** The customers (companies) the reader may see, counted by region, status, manager or class. */
export async function customersReport(ctx: Ctx, query: TCustomersReportQuery): Promise<TCustomersReport> {
  return inReport(ctx, async (tx) => {
    const readable = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
    const source = sql`SELECT company.id, company.workspace_id, company.owner_id, company.unit_id, company.id AS company_id,
        company.status, company.class, NULL::date AS on_day, NULL::uuid AS product_id
      FROM company WHERE company.workspace_id = ${ctx.actor.workspaceId} AND company.deleted_at IS NULL AND ${readable}
        ${query.unitId ? sql`AND company.unit_id = ${query.unitId}::uuid` : sql``}
        ${query.ownerId ? sql`AND company.owner_id = ${query.ownerId}::uuid` : sql``}`;
    const measures = sql`count(*)::int AS n, NULL::text AS amount`;
    const result = await tx.execute<Measured>(groupedQuery(source, query.groupBy, query.thenBy, measures));
    const { rows, total } = tree(result.rows, query.groupBy, query.thenBy);
    return { groupBy: query.groupBy, thenBy: query.thenBy ?? null, rows, total: { count: total.count } };
  });
}
