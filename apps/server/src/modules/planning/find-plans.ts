import type { TPlanGrid, TPlansQuery } from '@clientela/contract';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { cents, money } from '../analysis/report-source.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { monthIndex, monthRange, todayIn } from './months.ts';
import { loadTargets } from './plan-targets.ts';
import { mayPlan, maySetKind } from './planning.policy.ts';
import { salesPlans } from './planning.table.ts';

/** The plans of one kind over a year or a range, as a grid: a row per target the reader may see, a column per month. */
export async function findPlans(ctx: Ctx, query: TPlansQuery, now = new Date(), zone = 'UTC'): Promise<TPlanGrid> {
  const { actor } = ctx;
  const year = query.year ?? Number(todayIn(now, zone).slice(0, 4));
  const from = query.from ?? `${year}-01`;
  const to = query.to ?? `${year}-12`;
  const months = monthRange(monthIndex(from), monthIndex(to));
  const plans = await ctx.db
    .select({ targetId: salesPlans.targetId, month: salesPlans.month, amount: salesPlans.amount })
    .from(salesPlans)
    .where(
      and(
        eq(salesPlans.workspaceId, actor.workspaceId),
        eq(salesPlans.kind, query.kind),
        gte(salesPlans.month, `${from}-01`),
        lte(salesPlans.month, `${to}-01`),
      ),
    )
    .orderBy(asc(salesPlans.month));
  const ids = [...new Set(plans.map((plan) => plan.targetId).filter((id): id is string => id !== null))];
  const targets = await loadTargets(ctx.db, actor.workspaceId, query.kind, ids);

  const byTarget = new Map<string | null, Record<string, string>>();
  for (const plan of plans) {
    const row = byTarget.get(plan.targetId) ?? {};
    row[plan.month.slice(0, 7)] = plan.amount;
    byTarget.set(plan.targetId, row);
  }
  const rows: TPlanGrid['rows'] = [];
  const columnSums = new Map<string, bigint>();
  let grand = 0n;
  for (const [targetId, cells] of byTarget) {
    const target = targetId === null ? null : targets.get(targetId);
    // A plan whose target was removed (a customer in the bin) is kept but not shown.
    if (target === undefined) continue;
    if (!(await mayPlan(actor, 'read', query.kind, target))) continue;
    let total = 0n;
    for (const [month, amount] of Object.entries(cells)) {
      total += cents(amount);
      columnSums.set(month, (columnSums.get(month) ?? 0n) + cents(amount));
    }
    grand += total;
    rows.push({
      targetId,
      name: target?.name ?? null,
      months: cells,
      total: money(total),
      editable: await mayPlan(actor, 'set', query.kind, target),
    });
  }
  rows.sort((a, b) => (a.name === null ? -1 : b.name === null ? 1 : a.name.localeCompare(b.name)));
  return {
    kind: query.kind,
    from,
    to,
    months,
    baseCurrency: await baseCurrencyOf(ctx.db, actor.workspaceId),
    canEdit: maySetKind(actor, query.kind),
    rows,
    totals: { months: Object.fromEntries([...columnSums].map(([month, sum]) => [month, money(sum)])), total: money(grand) },
  };
}
