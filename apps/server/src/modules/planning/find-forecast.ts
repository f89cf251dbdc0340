import type { TForecast, TForecastMonth, TForecastPeriod, TForecastQuery } from '@clientela/contract';
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { cents, inReport, money } from '../analysis/report-source.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { dealPolicy } from '../deals/index.ts';
import { unitSubtree } from '../units/index.ts';
import { type ForecastTarget, openPipeline, pastPipelines, revenueCells } from './forecast-data.ts';
import { backtestOf, historyOf, runRate, weightedCents } from './forecast-model.ts';
import { daysIn, monthIndex, monthKey, monthStart, todayIn } from './months.ts';
import { loadTargets, TARGET_NOUN } from './plan-targets.ts';
import { mayPlan, type TargetRef } from './planning.policy.ts';
import { salesPlans } from './planning.table.ts';

/** How many months ahead of the current one the forecast reaches. */
const AHEAD = 3;

/** The plans of one target per month number, between two months. */
async function plansOf(tx: Executor, workspaceId: string, target: ForecastTarget, from: number, to: number) {
  const rows = await tx
    .select({ month: salesPlans.month, amount: salesPlans.amount })
    .from(salesPlans)
    .where(
      and(
        eq(salesPlans.workspaceId, workspaceId),
        eq(salesPlans.kind, target.kind),
        target.id === null ? isNull(salesPlans.targetId) : eq(salesPlans.targetId, target.id),
        gte(salesPlans.month, monthStart(from)),
        lte(salesPlans.month, monthStart(to)),
      ),
    );
  return new Map(rows.map((row) => [monthIndex(row.month), cents(row.amount)]));
}

/** Whether the reader sees only part of the target's deals and orders. */
async function isPartial(ctx: Ctx, target: ForecastTarget, ref: TargetRef | null): Promise<boolean> {
  const { actor } = ctx;
  const scope = dealPolicy.scope(actor, 'read');
  if (scope === 'all') return false;
  if (target.kind === 'owner' && target.id === actor.userId) return false;
  if (scope !== 'unit') return true;
  const tree = await actor.unitTree();
  if (target.kind === 'unit') return !tree.has(target.id ?? '');
  if (target.kind === 'owner') return !(ref?.unitId && tree.has(ref.unitId));
  return true;
}

/**
 * The forecast for a target (see forecast-model.ts): each month from `monthsBack` ago to three
 * ahead with its plan, its revenue and (from the current month on) the forecast; the next month's
 * and the next three months' totals; and the backtest — the forecast the model would have made on
 * the first day of each of the last `backtestMonths` months, against what happened. Figures are
 * those the reader may see, in the base currency; `now` and the reader's zone decide the current month.
 */
export async function findForecast(ctx: Ctx, query: TForecastQuery, now = new Date(), zone = 'UTC'): Promise<TForecast> {
  const { actor } = ctx;
  const ws = actor.workspaceId;
  const today = todayIn(now, zone);
  const current = monthIndex(today);
  const days = daysIn(current);
  const left = days - Number(today.slice(8, 10)) + 1;
  return inReport(ctx, async (tx) => {
    let ref: TargetRef | null = null;
    if (query.kind !== 'total') {
      const found = (await loadTargets(tx, ws, query.kind, [query.targetId ?? ''])).get(query.targetId ?? '');
      if (!found) throw notFound(TARGET_NOUN[query.kind]);
      ref = found;
    }
    if (!(await mayPlan(actor, 'read', query.kind, ref))) {
      // A customer the reader may not see is not there for them, as everywhere else; units and
      // people are known to everyone in the workspace, only their figures are not.
      if (query.kind === 'company') throw notFound(TARGET_NOUN[query.kind]);
      throw forbidden('You may not see the plans of this target');
    }
    const target: ForecastTarget = {
      kind: query.kind,
      id: ref?.id ?? null,
      ...(query.kind === 'unit' && ref ? { units: await unitSubtree(tx, ws, ref.id) } : {}),
    };
    const first = current - query.monthsBack;
    const backtestFrom = current - query.backtestMonths;
    const last = current + AHEAD;

    const history = historyOf(
      await revenueCells(ctx, tx, query.basis, target, { from: Math.min(first, backtestFrom - 12), to: current }, zone),
    );
    const open = await openPipeline(ctx, tx, target, current, last);
    const past = await pastPipelines(ctx, tx, target, { from: backtestFrom, to: current - 1 }, zone);
    const plans = await plansOf(tx, ws, target, first, last);

    const pipelineNow = new Map(open.flatMap((row) => (row.month === null ? [] : [[row.month, weightedCents(row.weighted)] as const])));
    const undated = open.find((row) => row.month === null);
    const ahead = new Map<number, { pipeline: bigint; runRate: bigint; forecast: bigint }>();
    for (let month = current; month <= last; month++) {
      const pipeline = pipelineNow.get(month) ?? 0n;
      const rate = runRate(history, current, month - current, left, days).cents;
      const soFar = month === current ? (history.actual.get(current) ?? 0n) : 0n;
      ahead.set(month, { pipeline, runRate: rate, forecast: soFar + pipeline + rate });
    }
    const optional = (value: bigint | undefined) => (value === undefined ? null : money(value));
    const months: TForecastMonth[] = [];
    for (let month = first; month <= last; month++) {
      const coming = ahead.get(month);
      months.push({
        month: monthKey(month),
        plan: optional(plans.get(month)),
        actual: month <= current ? money(history.actual.get(month) ?? 0n) : null,
        forecast: optional(coming?.forecast),
        pipeline: optional(coming?.pipeline),
        runRate: optional(coming?.runRate),
      });
    }
    const period = (from: number, to: number): TForecastPeriod => {
      let plan: bigint | undefined;
      const sum = { forecast: 0n, pipeline: 0n, runRate: 0n };
      for (let month = from; month <= to; month++) {
        const planned = plans.get(month);
        if (planned !== undefined) plan = (plan ?? 0n) + planned;
        const coming = ahead.get(month);
        sum.forecast += coming?.forecast ?? 0n;
        sum.pipeline += coming?.pipeline ?? 0n;
        sum.runRate += coming?.runRate ?? 0n;
      }
      return {
        from: monthKey(from),
        to: monthKey(to),
        plan: optional(plan),
        forecast: money(sum.forecast),
        pipeline: money(sum.pipeline),
        runRate: money(sum.runRate),
      };
    };
    const points = [];
    for (let month = backtestFrom; month < current; month++) {
      points.push({
        month,
        forecast: weightedCents(past.get(month) ?? 0n) + runRate(history, month, 0).cents,
        actual: history.actual.get(month) ?? 0n,
      });
    }
    const basisOfRate = runRate(history, current, 1);
    return {
      kind: query.kind,
      target: ref ? { id: ref.id, name: ref.name } : null,
      basis: query.basis,
      baseCurrency: await baseCurrencyOf(tx, ws),
      today,
      currentMonth: monthKey(current),
      partial: await isPartial(ctx, target, ref),
      months,
      nextMonth: period(current + 1, current + 1),
      nextQuarter: period(current + 1, current + AHEAD),
      undated: { count: undated?.count ?? 0, weighted: money(weightedCents(undated?.weighted ?? 0n)) },
      seasonal: basisOfRate.seasonal,
      historyMonths: basisOfRate.months,
      backtest: backtestOf(points),
    };
  });
}
