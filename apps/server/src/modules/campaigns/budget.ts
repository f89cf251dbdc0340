import type { TBudget, TBudgetInput } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { marketingPolicy } from './campaigns.policy.ts';

type Cell = { source_id: string | null; month: string; planned: string; actual: string };

const MONTHS = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * `GET /marketing/budget?year=`: per source and month, the planned amount and the actual spend
 * (the actual cost lines of the source's campaigns incurred that month), with totals.
 */
export async function getBudget(ctx: Ctx, year: number): Promise<TBudget> {
  await marketingPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const start = `${year}-01-01`;
  const [cells, sources, baseCurrency] = await Promise.all([
    ctx.db.execute<Cell>(sql`
      WITH planned AS (
        SELECT source_id, to_char(month, 'YYYY-MM') AS month, amount FROM marketing_budget_plan
        WHERE workspace_id = ${workspaceId} AND month >= ${start}::date AND month < (${start}::date + interval '1 year')
      ), actual AS (
        SELECT c.source_id, to_char(cc.incurred_on, 'YYYY-MM') AS month, sum(cc.actual) AS amount
        FROM campaign_cost cc JOIN campaign c ON c.workspace_id = cc.workspace_id AND c.id = cc.campaign_id
        -- Cost lines of deleted campaigns count too: money spent is spent.
        WHERE cc.workspace_id = ${workspaceId}
          AND cc.incurred_on >= ${start}::date AND cc.incurred_on < (${start}::date + interval '1 year')
        GROUP BY 1, 2
      )
      SELECT coalesce(p.source_id, a.source_id) AS source_id, coalesce(p.month, a.month) AS month,
        coalesce(p.amount, 0)::numeric(16, 2)::text AS planned, coalesce(a.amount, 0)::numeric(16, 2)::text AS actual
      FROM planned p FULL JOIN actual a ON a.source_id IS NOT DISTINCT FROM p.source_id AND a.month = p.month`),
    ctx.db.execute<{ id: string; name: string; active: boolean }>(
      sql`SELECT id, name, active FROM lead_source WHERE workspace_id = ${workspaceId} ORDER BY position, name`,
    ),
    baseCurrencyOf(ctx.db, workspaceId),
  ]);
  const months = MONTHS(year);
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const money = (value: number) => (value / 100).toFixed(2);
  const keyOf = (sourceId: string | null, month: string) => `${sourceId ?? ''}|${month}`;
  const byCell = new Map(cells.rows.map((c) => [keyOf(c.source_id, c.month), c]));
  const rowOf = (sourceId: string | null) => {
    const monthCells = months.map((month) => {
      const cell = byCell.get(keyOf(sourceId, month));
      return { month, planned: cents(cell?.planned ?? '0'), actual: cents(cell?.actual ?? '0') };
    });
    return {
      monthCells,
      planned: monthCells.reduce((sum, c) => sum + c.planned, 0),
      actual: monthCells.reduce((sum, c) => sum + c.actual, 0),
    };
  };
  const rows = sources.rows
    .map((source) => ({ source, ...rowOf(source.id) }))
    // Inactive sources only while they have figures this year.
    .filter((row) => row.source.active || row.planned > 0 || row.actual > 0);
  const unsourced = rowOf(null);
  const all = unsourced.actual > 0 ? [...rows, { source: null, ...unsourced }] : rows;
  const present = (c: { month: string; planned: number; actual: number }) => ({
    month: c.month,
    planned: money(c.planned),
    actual: money(c.actual),
  });
  const totals = months.map((month, i) => ({
    month,
    planned: all.reduce((sum, row) => sum + (row.monthCells[i]?.planned ?? 0), 0),
    actual: all.reduce((sum, row) => sum + (row.monthCells[i]?.actual ?? 0), 0),
  }));
  return {
    year,
    baseCurrency,
    rows: all.map((row) => ({
      source: row.source,
      months: row.monthCells.map(present),
      planned: money(row.planned),
      actual: money(row.actual),
    })),
    totals: {
      months: totals.map(present),
      planned: money(totals.reduce((sum, c) => sum + c.planned, 0)),
      actual: money(totals.reduce((sum, c) => sum + c.actual, 0)),
    },
  };
}

/** `PUT /marketing/budget`: the cells given, upserted together (0 removes one); every source must exist. */
export async function putBudget(ctx: Ctx, input: TBudgetInput): Promise<void> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  const ids = [...new Set(input.cells.map((c) => c.sourceId))];
  const known = await ctx.db.execute<{ id: string }>(
    sql`SELECT id FROM lead_source WHERE workspace_id = ${workspaceId} AND id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const found = new Set(known.rows.map((r) => r.id));
  const errors = input.cells.flatMap((c, i) =>
    found.has(c.sourceId) ? [] : [{ path: `cells.${i}.sourceId`, message: 'No such lead source' }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'No such lead source', { errors });
  await ctx.db.transaction(async (tx) => {
    for (const cell of input.cells) {
      const month = sql`${`${cell.month}-01`}::date`;
      if (Number(cell.amount) === 0) {
        await tx.execute(
          sql`DELETE FROM marketing_budget_plan WHERE workspace_id = ${workspaceId} AND source_id = ${cell.sourceId} AND month = ${month}`,
        );
      } else {
        await tx.execute(sql`INSERT INTO marketing_budget_plan (workspace_id, source_id, month, amount)
          VALUES (${workspaceId}, ${cell.sourceId}, ${month}, ${cell.amount}::numeric)
          ON CONFLICT (workspace_id, source_id, month) DO UPDATE SET amount = excluded.amount, updated_at = now()`);
      }
    }
  });
}
