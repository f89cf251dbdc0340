import os from 'node:os';
import type { TRevenueBasis } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { dealPolicy, readableDeals } from '../deals/index.ts';
import { salesOrders } from '../sales/index.ts';
import { salesPolicy } from '../sales/sales.policy.ts';
import { revenueMonthly } from './analysis.table.ts';

/** A report that runs longer than this is stopped, so that one heavy report never holds the database. */
export const REPORT_TIMEOUT_MS = 10_000;

/**
 * How many reports over large data one server process runs at once: half its cores, at least one.
 * The rest wait their turn in the process (holding no connection), so that reports asked in a burst
 * take at most that share of the machine and every other request keeps a core.
 */
export const REPORT_LANES = Math.max(1, Math.floor(os.availableParallelism() / 2));

/** How long a report waits for a lane, and how many may wait, before the answer is "try again". */
export const REPORT_WAIT_MS = 15_000;
export const REPORT_QUEUE_MAX = 100;

let running = 0;
const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

const busy = () =>
  new AppError('too_many_requests', 'Many reports are running just now: try again in a moment', { headers: { 'retry-after': '5' } });

/** Runs `work` when a report lane is free; after too long a wait, or behind too many others, it answers 429 instead. */
export async function inReportLane<T>(work: () => Promise<T>): Promise<T> {
  if (running >= REPORT_LANES) {
    if (waiting.length >= REPORT_QUEUE_MAX) throw busy();
    await new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(busy());
        }, REPORT_WAIT_MS),
      };
      waiting.push(entry);
    });
  } else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next.start();
    else running -= 1;
  }
}

/**
 * Runs a report's queries in one read-only transaction with a statement timeout, in a report lane:
 * a runaway report answers "try again" instead of stalling everyone else's requests.
 */
export async function inReport<T>(ctx: Ctx, work: (tx: Executor) => Promise<T>, timeoutMs = REPORT_TIMEOUT_MS): Promise<T> {
  try {
    return await inReportLane(() =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`));
        return work(tx);
      }),
    );
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '57014')
      throw new AppError('too_many_requests', 'The report took too long: narrow the period or the filters', {
        headers: { 'retry-after': '5' },
      });
    throw error;
  }
}

export type SourceFilters = {
  from?: string | undefined;
  to?: string | undefined;
  unitId?: string | undefined;
  ownerId?: string | undefined;
  productId?: string | undefined;
};

/**
 * The revenue records a reader may see, as rows of (id, on, amount, unit_id, owner_id, product_id,
 * company_id): won deals by their close date at their base-currency value, or orders that are not
 * cancelled by their date at their base-currency total. With `byProduct`, an order gives a row per
 * line, its total shared out over its lines by their gross value (each part rounded to the cent).
 */
export async function revenueSource(ctx: Ctx, basis: TRevenueBasis, filters: SourceFilters, byProduct = false): Promise<SQL> {
  const ws = ctx.actor.workspaceId;
  if (basis === 'won_deals') {
    return sql`SELECT deal.id, deal.closed_on AS on_day, coalesce(deal.amount_base, 0) AS amount, deal.unit_id, deal.owner_id,
        deal.product_id, deal.company_id
      FROM deal JOIN pipeline_stage st ON st.workspace_id = deal.workspace_id AND st.id = deal.stage_id AND st.kind = 'won'
      WHERE ${await readableDeals(ctx)} AND deal.closed_on IS NOT NULL
        ${filters.from ? sql`AND deal.closed_on >= ${filters.from}::date` : sql``}
        ${filters.to ? sql`AND deal.closed_on <= ${filters.to}::date` : sql``}
        ${filters.unitId ? sql`AND deal.unit_id = ${filters.unitId}::uuid` : sql``}
        ${filters.ownerId ? sql`AND deal.owner_id = ${filters.ownerId}::uuid` : sql``}
        ${filters.productId ? sql`AND deal.product_id = ${filters.productId}::uuid` : sql``}`;
  }
  const readable = await salesPolicy.filter(ctx.actor, 'read', { owner: salesOrders.ownerId, unit: salesOrders.unitId });
  const orderWhere = sql`sales_order.workspace_id = ${ws} AND sales_order.status <> 'cancelled' AND ${readable}
    ${filters.from ? sql`AND sales_order.ordered_on >= ${filters.from}::date` : sql``}
    ${filters.to ? sql`AND sales_order.ordered_on <= ${filters.to}::date` : sql``}
    ${filters.unitId ? sql`AND sales_order.unit_id = ${filters.unitId}::uuid` : sql``}
    ${filters.ownerId ? sql`AND sales_order.owner_id = ${filters.ownerId}::uuid` : sql``}`;
  if (!byProduct && !filters.productId) {
    return sql`SELECT sales_order.id, sales_order.ordered_on AS on_day, coalesce(sales_order.total_base, 0) AS amount,
        sales_order.unit_id, sales_order.owner_id, NULL::uuid AS product_id, sales_order.company_id
      FROM sales_order WHERE ${orderWhere}`;
  }
  return sql`SELECT sales_order.id, sales_order.ordered_on AS on_day,
        CASE WHEN sales_order.total = 0 THEN 0
          ELSE round((ol.net + ol.vat) * coalesce(sales_order.total_base, 0) / sales_order.total, 2) END AS amount,
        sales_order.unit_id, sales_order.owner_id, ol.product_id, sales_order.company_id
      FROM sales_order JOIN order_line ol ON ol.workspace_id = sales_order.workspace_id AND ol.order_id = sales_order.id
      WHERE ${orderWhere} ${filters.productId ? sql`AND ol.product_id = ${filters.productId}::uuid` : sql``}`;
}

/** Exact sums of decimal strings, in cents. */
export const cents = (amount: string | null | undefined): bigint => {
  if (!amount) return 0n;
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -value : value;
};

/** Cents back to a decimal string with two decimals. */
export const money = (value: bigint): string => {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

const dayShift = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const monthEnd = (day: string) => {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0));
  return date.toISOString().slice(0, 10);
};

/**
 * Revenue per customer and calendar month between two days (both included), as rows (company_id,
 * month its first day, amount), the same sums `revenueSource` gives grouped by customer and month, read from
 * the monthly aggregate `revenue_monthly`: whole months from the aggregate, minus the days of the
 * first and last month that fall outside the period, read from the source by its date index. The
 * reader sees the rows of the owners and units the deals' or orders' policy lets them read, which
 * the aggregate keeps per owner and unit.
 */
export async function monthlyRevenue(ctx: Ctx, basis: TRevenueBasis, period: { from: string; to: string }): Promise<SQL> {
  const { from, to } = period;
  if (from > to) return sql`SELECT NULL::uuid AS company_id, NULL::date AS month, 0::numeric AS amount WHERE false`;
  const columns = { owner: revenueMonthly.ownerId, unit: revenueMonthly.unitId };
  const readable =
    basis === 'won_deals' ? await dealPolicy.filter(ctx.actor, 'read', columns) : await salesPolicy.filter(ctx.actor, 'read', columns);
  const firstMonth = `${from.slice(0, 7)}-01`;
  const lastMonthEnd = monthEnd(to);
  const parts: SQL[] = [
    sql`SELECT revenue_monthly.company_id, revenue_monthly.month, revenue_monthly.amount
      FROM revenue_monthly
      WHERE revenue_monthly.workspace_id = ${ctx.actor.workspaceId} AND revenue_monthly.basis = ${basis}
        AND revenue_monthly.month >= ${firstMonth}::date AND revenue_monthly.month <= ${to}::date AND ${readable}`,
  ];
  const outside = async (start: string, end: string) => {
    const source = await revenueSource(ctx, basis, { from: start, to: end });
    parts.push(sql`SELECT e.company_id, date_trunc('month', e.on_day::timestamp)::date, -e.amount FROM (${source}) e`);
  };
  if (from > firstMonth) await outside(firstMonth, dayShift(from, -1));
  if (to < lastMonthEnd) await outside(dayShift(to, 1), lastMonthEnd);
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * The same revenue as `revenueSource` without products, a row per month, customer, owner and unit
 * instead of one per record, from the monthly aggregate: rows of (id NULL, on_day the month's first
 * day, amount, n how many records, unit_id, owner_id, product_id NULL, company_id). The days of the
 * first and last month outside the period come from the source as rows of n = -1 and the negated
 * amount, so a group's sums are exact; a group whose rows net to n = 0 had no record in the period.
 */
export async function monthlySource(ctx: Ctx, basis: TRevenueBasis, filters: SourceFilters): Promise<SQL> {
  const columns = { owner: revenueMonthly.ownerId, unit: revenueMonthly.unitId };
  const readable =
    basis === 'won_deals' ? await dealPolicy.filter(ctx.actor, 'read', columns) : await salesPolicy.filter(ctx.actor, 'read', columns);
  const { from, to } = filters;
  const narrowed = (unit: SQL, owner: SQL) =>
    sql`${filters.unitId ? sql`AND ${unit} = ${filters.unitId}::uuid` : sql``} ${filters.ownerId ? sql`AND ${owner} = ${filters.ownerId}::uuid` : sql``}`;
  if (from && to && from > to)
    return sql`SELECT NULL::uuid AS id, NULL::date AS on_day, 0::numeric AS amount, 0 AS n,
    NULL::uuid AS unit_id, NULL::uuid AS owner_id, NULL::uuid AS product_id, NULL::uuid AS company_id WHERE false`;
  const parts: SQL[] = [
    sql`SELECT NULL::uuid AS id, revenue_monthly.month AS on_day, revenue_monthly.amount, revenue_monthly.count AS n,
        revenue_monthly.unit_id, revenue_monthly.owner_id, NULL::uuid AS product_id, revenue_monthly.company_id
      FROM revenue_monthly
      WHERE revenue_monthly.workspace_id = ${ctx.actor.workspaceId} AND revenue_monthly.basis = ${basis} AND ${readable}
        ${from ? sql`AND revenue_monthly.month >= ${`${from.slice(0, 7)}-01`}::date` : sql``}
        ${to ? sql`AND revenue_monthly.month <= ${to}::date` : sql``}
        ${narrowed(sql`revenue_monthly.unit_id`, sql`revenue_monthly.owner_id`)}`,
  ];
  const outside = async (start: string, end: string) => {
    const source = await revenueSource(ctx, basis, { ...filters, from: start, to: end });
    parts.push(sql`SELECT NULL::uuid, date_trunc('month', e.on_day::timestamp)::date, -e.amount, -1, e.unit_id, e.owner_id, NULL::uuid,
        e.company_id FROM (${source}) e`);
  };
  if (from && from > `${from.slice(0, 7)}-01`) await outside(`${from.slice(0, 7)}-01`, dayShift(from, -1));
  if (to && to < monthEnd(to)) await outside(dayShift(to, 1), monthEnd(to));
  return sql.join(parts, sql` UNION ALL `);
}
