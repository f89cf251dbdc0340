import type { TBacktest, TBacktestMonth } from '@clientela/contract';
import { money } from '../analysis/report-source.ts';
import { monthKey } from './months.ts';

/**
 * The forecast model, in exact integer arithmetic (cents as bigint); months are month numbers.
 *
 * forecast(month m, made at the start of month c) = pipeline + run-rate, where
 * - pipeline: the deals open at that moment whose expected close date falls in m, each at its
 *   base-currency amount × its probability (the deal's own, else its stage's); an expected date
 *   already past counts in the current month c. Deals without an expected date are in no month.
 * - run-rate: the business that was not in the pipeline at that moment: revenue from deals created
 *   later (or from orders without a deal). Looking k = m − c months ahead, a past month x's share of
 *   it, R_k(x), is x's revenue except that of deals already open at the start of month x − k. Its
 *   average over the (up to) 12 months before c is the run-rate; with a full year of history it is
 *   shaped by the season: × revenue(m − 12) / the year's average monthly revenue.
 * A deal is thus counted once: while it is open at the forecast's moment, only in the pipeline;
 * created after it, only in the run-rate. During the current month the run-rate's share of deals
 * still to be created shrinks with the days left, and the revenue so far is added to the month.
 */

/** Revenue of some records of month `month` whose deal was created in month `created` and closed in month `closed`. */
export type RevenueCell = { month: number; created: number | null; closed: number | null; cents: bigint };

export type History = {
  /** Revenue per month. */
  actual: Map<number, bigint>;
  cells: RevenueCell[];
  /** The first month with any revenue: history does not reach before it. */
  firstMonth: number | null;
};

/** Builds the history from its cells. */
export function historyOf(cells: RevenueCell[]): History {
  const actual = new Map<number, bigint>();
  let firstMonth: number | null = null;
  for (const cell of cells) {
    actual.set(cell.month, (actual.get(cell.month) ?? 0n) + cell.cents);
    if (cell.cents !== 0n && (firstMonth === null || cell.month < firstMonth)) firstMonth = cell.month;
  }
  return { actual, cells, firstMonth };
}

/** Was the cell's deal open at the start of month `start` (so that a forecast made then had it in the pipeline)? */
const inPipelineAt = (cell: RevenueCell, start: number) =>
  cell.created !== null && cell.created < start && (cell.closed === null || cell.closed >= start);

/** a / b rounded half away from zero. */
export function divide(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return negative ? -q : q;
}

export type RunRate = { cents: bigint; seasonal: boolean; months: number };

/**
 * The run-rate for month `point + lead` as seen at the start of month `point`, when a fraction
 * `left / days` of the current month is still to come (1 at a month's start).
 */
export function runRate(history: History, point: number, lead: number, left = 1, days = 1): RunRate {
  const first = history.firstMonth;
  const start = first === null ? point : Math.max(point - 12, first);
  const months = point - start;
  if (months <= 0) return { cents: 0n, seasonal: false, months: 0 };
  let sumLead = 0n;
  let sumBefore = 0n;
  let sumActual = 0n;
  for (const cell of history.cells) {
    if (cell.month < start || cell.month >= point) continue;
    sumActual += cell.cents;
    if (!inPipelineAt(cell, cell.month - lead)) sumLead += cell.cents;
    if (lead > 0 && !inPipelineAt(cell, cell.month - lead + 1)) sumBefore += cell.cents;
  }
  // Deals created in the lead's first month are still to come only for the days left of it.
  const numerator = sumBefore * BigInt(days) + BigInt(left) * (sumLead - sumBefore);
  const sameMonthLastYear = history.actual.get(point + lead - 12) ?? 0n;
  const seasonal = months === 12 && sumActual > 0n;
  const value = seasonal
    ? divide(numerator * sameMonthLastYear, BigInt(days) * sumActual)
    : divide(numerator, BigInt(days) * BigInt(months));
  return { cents: value, seasonal, months };
}

/** Weighted pipeline sums (amount in cents × probability in per cent) to cents. */
export const weightedCents = (centsTimesPercent: bigint) => divide(centsTimesPercent, 100n);

/** Each backtest month's forecast against what happened, and how far off it was on average. */
export function backtestOf(points: { month: number; forecast: bigint; actual: bigint }[]): TBacktest {
  const months: TBacktestMonth[] = points.map(({ month, forecast, actual }) => {
    const error = forecast - actual;
    const size = error < 0n ? -error : error;
    return {
      month: monthKey(month),
      forecast: money(forecast),
      actual: money(actual),
      error: money(error),
      errorPercent: actual > 0n ? money(divide(size * 10_000n, actual)) : null,
    };
  });
  const percents = months.flatMap((m) => (m.errorPercent === null ? [] : [BigInt(m.errorPercent.replace('.', ''))]));
  const errors = points.map(({ forecast, actual }) => forecast - actual);
  const n = BigInt(Math.max(points.length, 1));
  return {
    months,
    mape:
      percents.length > 0
        ? money(
            divide(
              percents.reduce((a, b) => a + b, 0n),
              BigInt(percents.length),
            ),
          )
        : null,
    monthsWithoutSales: months.length - percents.length,
    meanAbsoluteError: money(
      divide(
        errors.reduce((a, e) => a + (e < 0n ? -e : e), 0n),
        n,
      ),
    ),
    bias: money(
      divide(
        errors.reduce((a, e) => a + e, 0n),
        n,
      ),
    ),
  };
}
