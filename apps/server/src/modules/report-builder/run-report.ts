import {
  BUILDER_PERIODS,
  type TBuilderDimension,
  type TBuilderEntity,
  type TBuilderMeasure,
  type TBuilderReport,
  type TReportDefinition,
} from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { inReport } from '../analysis/report-source.ts';
import { type Grouping, type Measured, tree } from '../analysis/sales-report.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { assertVisible } from '../roles/field-rules.ts';
import { users } from '../users/index.ts';
import { builderDimension, builderSource } from './builder-source.ts';

const MEASURES: Record<TBuilderMeasure, SQL> = {
  count: sql`count(*)::int AS n, NULL::text AS amount`,
  sum: sql`count(*)::int AS n, coalesce(sum(s.amount), 0)::numeric(18, 2)::text AS amount`,
  // Over the records that have an amount (a deal without one is not a deal worth nothing).
  avg: sql`count(*)::int AS n, round(avg(s.amount), 2)::numeric(18, 2)::text AS amount`,
};

/** Groups the source by one or two of the builder's groupings in one pass (GROUPING SETS), like the sales report. */
function builderQuery(
  entity: TBuilderEntity,
  source: SQL,
  groupBy: TBuilderDimension,
  thenBy: TBuilderDimension | undefined,
  measures: SQL,
) {
  const first = builderDimension(entity, groupBy, 'd1');
  const second = thenBy ? builderDimension(entity, thenBy, 'd2') : { key: sql`NULL::text`, label: sql`NULL::text`, join: sql`` };
  const sets = thenBy ? sql`GROUPING SETS ((), (k1, l1), (k1, l1, k2, l2))` : sql`GROUPING SETS ((), (k1, l1))`;
  const g2 = thenBy ? sql`grouping(k2)::int` : sql`1`;
  const level2 = thenBy ? sql`k2, l2` : sql`NULL::text AS k2, NULL::text AS l2`;
  return sql`SELECT k1, l1, ${level2}, grouping(k1)::int AS g1, ${g2} AS g2, ${measures}
    FROM (SELECT s.*, ${first.key}::text AS k1, ${first.label}::text AS l1, ${second.key}::text AS k2, ${second.label}::text AS l2
      FROM (${source}) s ${first.join} ${second.join}) s
    GROUP BY ${sets}`;
}

/** Periods sort in time order, everything else largest first: the sales report's rule, told which is which. */
const sortAs = (grouping: TBuilderDimension): Grouping => ((BUILDER_PERIODS as readonly string[]).includes(grouping) ? 'month' : 'owner');

/** The reader's time zone: the days of created records and activities are theirs. */
async function zoneOf(ctx: Ctx, tx: Executor): Promise<string> {
  const [row] = await tx
    .select({ zone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  return row?.zone ?? 'UTC';
}

/** Stages in the order of their pipelines and of each pipeline's steps, as the board shows them. */
async function stageOrder(ctx: Ctx, tx: Executor): Promise<Map<string, number>> {
  const result = await tx.execute<{ id: string; n: number }>(sql`SELECT st.id::text AS id,
      (row_number() OVER (ORDER BY p.position, p.created_at, p.id, st.position, st.id))::int AS n
    FROM pipeline_stage st JOIN pipeline p ON p.workspace_id = st.workspace_id AND p.id = st.pipeline_id
    WHERE st.workspace_id = ${ctx.actor.workspaceId}`);
  return new Map(result.rows.map((row) => [row.id, row.n]));
}

function inStageOrder<T extends { key: string | null }>(rows: T[], order: Map<string, number>): T[] {
  const place = (row: T) => (row.key === null ? Number.MAX_SAFE_INTEGER : (order.get(row.key) ?? Number.MAX_SAFE_INTEGER - 1));
  return rows.sort((a, b) => place(a) - place(b));
}

/** Runs a checked definition over the records the reader may see: groups, subgroups and the total. */
export async function runReport(ctx: Ctx, definition: TReportDefinition): Promise<TBuilderReport> {
  const { entity, groupBy, thenBy, measure } = definition;
  // A sum or average of deals shows their amounts: refused to a role that may not see them.
  if (entity === 'deals' && measure !== 'count') assertVisible(ctx.actor, 'deals', 'amount', 'measure');
  return inReport(ctx, async (tx) => {
    const source = await builderSource(ctx, entity, definition.filters, await zoneOf(ctx, tx));
    const result = await tx.execute<Measured>(builderQuery(entity, source, groupBy, thenBy, MEASURES[measure]));
    const { rows, total } = tree(result.rows, sortAs(groupBy), thenBy ? sortAs(thenBy) : undefined);
    if (groupBy === 'stage' || thenBy === 'stage') {
      const order = await stageOrder(ctx, tx);
      if (groupBy === 'stage') inStageOrder(rows, order);
      else for (const row of rows) if (row.children) inStageOrder(row.children, order);
    }
    return {
      entity,
      groupBy,
      thenBy: thenBy ?? null,
      measure,
      baseCurrency: await baseCurrencyOf(tx, ctx.actor.workspaceId),
      rows,
      total: { count: total.count, amount: measure === 'count' ? null : (total.amount ?? (measure === 'sum' ? '0.00' : null)) },
    };
  });
}
