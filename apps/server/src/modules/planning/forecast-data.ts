import type { TPlanKind, TRevenueBasis } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { cents, revenueSource } from '../analysis/report-source.ts';
import { readableDeals } from '../deals/index.ts';
import type { RevenueCell } from './forecast-model.ts';
import { monthEnd, monthIndexSql, monthStart } from './months.ts';

/** The target a forecast is for: a kind, its id, and for a unit the ids of it and the units below it. */
export type ForecastTarget = { kind: TPlanKind; id: string | null; units?: ReadonlySet<string> };

const uuids = (ids: Iterable<string>) =>
  sql.join(
    [...ids].map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The condition that narrows rows with these unit, owner, product and company columns to the target. */
function targetCondition(target: ForecastTarget, columns: { unit: SQL; owner: SQL; product: SQL; company: SQL }): SQL {
  switch (target.kind) {
    case 'total':
      return sql`true`;
    case 'unit':
      return target.units && target.units.size > 0 ? sql`${columns.unit} IN (${uuids(target.units)})` : sql`false`;
    case 'owner':
      return sql`${columns.owner} = ${target.id}::uuid`;
    case 'product':
      return sql`${columns.product} = ${target.id}::uuid`;
    case 'company':
      return sql`${columns.company} = ${target.id}::uuid`;
  }
}

const dealColumns = { unit: sql`deal.unit_id`, owner: sql`deal.owner_id`, product: sql`deal.product_id`, company: sql`deal.company_id` };

/** The local timestamp of a column in the reader's zone, for its month. */
const local = (column: SQL, zone: string) => sql`(${column} AT TIME ZONE ${zone})`;

/**
 * Revenue from month `from` to month `to` (numbers), per month and by when the deal behind it was
 * created and closed (months, clamped to what the model can tell apart): won deals are their own
 * deal, orders their deal if they have one.
 */
export async function revenueCells(
  ctx: Ctx,
  tx: Executor,
  basis: TRevenueBasis,
  target: ForecastTarget,
  range: { from: number; to: number },
  zone: string,
): Promise<RevenueCell[]> {
  const ws = ctx.actor.workspaceId;
  const source = await revenueSource(
    ctx,
    basis,
    {
      from: monthStart(range.from),
      to: monthEnd(range.to),
      ...(target.kind === 'owner' && target.id ? { ownerId: target.id } : {}),
      ...(target.kind === 'product' && target.id ? { productId: target.id } : {}),
    },
    target.kind === 'product',
  );
  const deal =
    basis === 'won_deals'
      ? sql`JOIN deal d ON d.workspace_id = ${ws} AND d.id = s.id`
      : sql`LEFT JOIN sales_order o ON o.workspace_id = ${ws} AND o.id = s.id
        LEFT JOIN deal d ON d.workspace_id = ${ws} AND d.id = o.deal_id`;
  const where = targetCondition(target, {
    unit: sql`s.unit_id`,
    owner: sql`s.owner_id`,
    product: sql`s.product_id`,
    company: sql`s.company_id`,
  });
  const month = monthIndexSql(sql`s.on_day`);
  const created = monthIndexSql(local(sql`d.created_at`, zone));
  // Only whether the deal was created before, and closed at or after, the month 0–3 months before
  // matters: earlier creations read as five months before, later closings as the month itself.
  const result = await tx.execute<{ m: number; cm: number | null; zm: number | null; amount: string }>(sql`
    SELECT m, cm, zm, sum(amount)::text AS amount FROM (
      SELECT ${month} AS m,
        CASE WHEN d.id IS NULL THEN NULL ELSE least(greatest(${created}, ${month} - 5), ${month}) END AS cm,
        CASE WHEN d.id IS NULL THEN NULL ELSE least(${monthIndexSql(sql`d.closed_on`)}, ${month}) END AS zm,
        s.amount
      FROM (${source}) s ${deal}
      WHERE ${where}
    ) r GROUP BY m, cm, zm`);
  return result.rows.map((row) => ({
    month: Number(row.m),
    created: row.cm === null ? null : Number(row.cm),
    closed: row.zm === null ? null : Number(row.zm),
    cents: cents(row.amount),
  }));
}

/**
 * The deals open now, weighted: per month of their expected close date (a date already past counts
 * in the current month `current`) up to month `last`, and those without an expected date (month null).
 */
export async function openPipeline(
  ctx: Ctx,
  tx: Executor,
  target: ForecastTarget,
  current: number,
  last: number,
): Promise<{ month: number | null; count: number; weighted: bigint }[]> {
  const month = sql`CASE WHEN deal.expected_close_on IS NULL THEN NULL
    ELSE greatest(${monthIndexSql(sql`deal.expected_close_on`)}, ${current}) END`;
  const result = await tx.execute<{ m: number | null; n: number; w: string }>(sql`
    SELECT ${month} AS m, count(*)::int AS n,
      coalesce(sum(coalesce(deal.amount_base, 0) * coalesce(deal.probability, st.probability)), 0)::text AS w
    FROM deal JOIN pipeline_stage st ON st.workspace_id = deal.workspace_id AND st.id = deal.stage_id AND st.kind = 'open'
    WHERE ${await readableDeals(ctx)} AND ${targetCondition(target, dealColumns)}
      AND (deal.expected_close_on IS NULL OR deal.expected_close_on < ${monthStart(last + 1)}::date)
    GROUP BY 1`);
  return result.rows.map((row) => ({ month: row.m === null ? null : Number(row.m), count: row.n, weighted: cents(row.w) }));
}

/**
 * The pipeline as it stood at the start of each month from `from` to `to` (numbers), weighted, for
 * that month: the deals created before that moment and not closed before it, whose expected close
 * date falls in the month or before, in the stage they were in then (their last stage move before
 * it; without one, the stage they are in if it is open, else their pipeline's first open stage).
 * Amounts, probabilities set on the deal and expected dates are as they are now: their past values
 * are not kept.
 *
 * Each stage a deal was in holds for a run of month starts, and adds the same weighted amount to
 * each of them; so every run gives +amount at its first month and −amount after its last, and the
 * months' pipelines are the running sums: one pass over the deals and their moves, however many
 * months are replayed.
 */
export async function pastPipelines(
  ctx: Ctx,
  tx: Executor,
  target: ForecastTarget,
  range: { from: number; to: number },
  zone: string,
): Promise<Map<number, bigint>> {
  const ws = ctx.actor.workspaceId;
  const created = monthIndexSql(local(sql`deal.created_at`, zone));
  const expected = monthIndexSql(sql`deal.expected_close_on`);
  const closed = monthIndexSql(sql`deal.closed_on`);
  const moved = monthIndexSql(local(sql`c.changed_at`, zone));
  const to = sql`${range.to}::int`;
  // A month start s is after a move made in month m when s > m, and not after the next move (month n) when s <= n.
  const result = await tx.execute<{ p: number; w: string }>(sql`
    WITH d AS (
      SELECT deal.id, deal.pipeline_id, deal.stage_id, coalesce(deal.amount_base, 0) AS amount, deal.probability,
        greatest(${range.from}::int, ${created} + 1, ${expected}) AS lo, least(${to}, coalesce(${closed}, ${to})) AS hi
      FROM deal
      WHERE ${await readableDeals(ctx)} AND ${targetCondition(target, dealColumns)}
        AND deal.expected_close_on IS NOT NULL AND deal.expected_close_on < ${monthStart(range.to + 1)}::date
        AND deal.created_at < (${monthStart(range.to)}::timestamp AT TIME ZONE ${zone})
        AND (deal.closed_on IS NULL OR deal.closed_on >= ${monthStart(range.from)}::date)
    ), ch AS (
      SELECT c.deal_id, c.to_stage_id, ${moved} AS m,
        lead(${moved}) OVER (PARTITION BY c.deal_id ORDER BY c.changed_at, c.id) AS next_m,
        row_number() OVER (PARTITION BY c.deal_id ORDER BY c.changed_at, c.id) AS rn
      FROM deal_stage_change c JOIN d ON d.id = c.deal_id
      WHERE c.workspace_id = ${ws}
    ), first_open AS (
      SELECT DISTINCT ON (pipeline_id) pipeline_id, id FROM pipeline_stage
      WHERE workspace_id = ${ws} AND kind = 'open' ORDER BY pipeline_id, position
    ), runs AS (
      SELECT ch.deal_id, ch.to_stage_id AS stage_id, ch.m + 1 AS a, coalesce(ch.next_m, ${to}) AS b FROM ch
      UNION ALL
      SELECT d.id, CASE WHEN cur.kind = 'open' THEN cur.id ELSE first_open.id END, d.lo, coalesce(ch.m, ${to})
      FROM d JOIN pipeline_stage cur ON cur.workspace_id = ${ws} AND cur.id = d.stage_id
        LEFT JOIN first_open ON first_open.pipeline_id = d.pipeline_id
        LEFT JOIN ch ON ch.deal_id = d.id AND ch.rn = 1
    ), weighted AS (
      SELECT greatest(d.lo, runs.a) AS a, least(d.hi, runs.b) AS b, d.amount * coalesce(d.probability, st.probability) AS w
      FROM runs JOIN d ON d.id = runs.deal_id
        JOIN pipeline_stage st ON st.workspace_id = ${ws} AND st.id = runs.stage_id AND st.kind = 'open'
    )
    SELECT p, sum(w)::text AS w FROM (
      SELECT a AS p, w FROM weighted WHERE a <= b
      UNION ALL
      SELECT b + 1, -w FROM weighted WHERE a <= b
    ) steps GROUP BY p`);
  const steps = new Map(result.rows.map((row) => [Number(row.p), cents(row.w)]));
  const pipelines = new Map<number, bigint>();
  let running = 0n;
  for (let month = range.from; month <= range.to; month++) {
    running += steps.get(month) ?? 0n;
    pipelines.set(month, running);
  }
  return pipelines;
}
