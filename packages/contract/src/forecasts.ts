// The API contract of sales plans and the forecast against them (`/api/v1/plans`, `/api/v1/forecasts`).
import { z } from 'zod';
import { ZRevenueBasis } from './analysis.ts';
import { ZId } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';

/** What a plan is for: the whole company, a unit (branch), a manager, a product or a customer. */
export const PLAN_KINDS = ['total', 'unit', 'owner', 'product', 'company'] as const;
export const ZPlanKind = z.enum(PLAN_KINDS);
export type TPlanKind = z.infer<typeof ZPlanKind>;

/** A calendar month, "2026-03". */
export const ZMonth = z.string().regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** The plans of one kind over a year (default: this year) or a range of at most 36 months. */
export const ZPlansQuery = z
  .strictObject({
    kind: ZPlanKind,
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: ZMonth.optional(),
    to: ZMonth.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.year !== undefined && (query.from || query.to))
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Give a year or a range, not both' });
    if (Boolean(query.from) !== Boolean(query.to))
      ctx.addIssue({ code: 'custom', path: [query.from ? 'to' : 'from'], message: 'A range needs both ends' });
    if (query.from && query.to) {
      const span = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
      if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' });
      else if (span(query.to) - span(query.from) >= 36) ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most 36 months' });
    }
  });
export type TPlansQuery = z.infer<typeof ZPlansQuery>;

/** Month → amount in the base currency (a decimal string); months without a plan are absent. */
export const ZPlanMonths = z.record(z.string(), z.string());

export const ZPlanRow = z.object({
  /** The unit, manager, product or customer; null in the row of the whole company. */
  targetId: ZId.nullable(),
  /** Its name; null for the whole company. */
  name: z.string().nullable(),
  months: ZPlanMonths,
  /** The sum of its months in the range. */
  total: z.string(),
  /** Whether the reader may change this row's plans. */
  editable: z.boolean(),
});
export type TPlanRow = z.infer<typeof ZPlanRow>;

export const ZPlanGrid = z.object({
  kind: ZPlanKind,
  from: ZMonth,
  to: ZMonth,
  /** Every month of the range, in order. */
  months: z.array(ZMonth),
  baseCurrency: ZCurrencyCode,
  /** Whether the reader may set plans of this kind for some target (add a row). */
  canEdit: z.boolean(),
  /** The targets with a plan in the range that the reader may see, the whole company first, then by name. */
  rows: z.array(ZPlanRow),
  totals: z.object({ months: ZPlanMonths, total: z.string() }),
});
export type TPlanGrid = z.infer<typeof ZPlanGrid>;

/**
 * A grid to save in one go: each row's months are set to their amount, or deleted when null;
 * months left out stay as they are. Nothing is written unless every cell is valid and allowed.
 */
export const ZSavePlansInput = z
  .strictObject({
    kind: ZPlanKind,
    rows: z
      .array(
        z.strictObject({
          targetId: ZId.nullable(),
          // Ten years of months at most in one row; a grid shows one.
          months: z
            .record(ZMonth, ZAmount.nullable())
            .refine((months) => Object.keys(months).length <= 120, 'At most 120 months in one row'),
        }),
      )
      .min(1)
      .max(1000),
  })
  .refine((input) => input.rows.reduce((cells, row) => cells + Object.keys(row.months).length, 0) <= 12_000, {
    path: ['rows'],
    message: 'At most 12,000 cells in one save',
  });
export type TSavePlansInput = z.infer<typeof ZSavePlansInput>;

export const ZSavePlansResult = z.object({ saved: z.number().int(), deleted: z.number().int() });
export type TSavePlansResult = z.infer<typeof ZSavePlansResult>;

/** The targets of a kind the reader may set (to add a row to the grid) or read (to pick a forecast) plans for, by name. */
export const ZPlanTargetsQuery = z.strictObject({
  kind: ZPlanKind.exclude(['total']),
  q: z.string().max(100).optional(),
  action: z.enum(['read', 'set']).default('set'),
});
export type TPlanTargetsQuery = z.infer<typeof ZPlanTargetsQuery>;

export const ZPlanTarget = z.object({ id: ZId, name: z.string() });
export type TPlanTarget = z.infer<typeof ZPlanTarget>;
export const ZPlanTargets = z.object({ data: z.array(ZPlanTarget) });
export type TPlanTargets = z.infer<typeof ZPlanTargets>;

/* Forecast */

export const ZForecastQuery = z
  .strictObject({
    kind: ZPlanKind.default('total'),
    /** The unit, manager, product or customer; left out for the whole company. */
    targetId: ZId.optional(),
    basis: ZRevenueBasis.default('won_deals'),
    /** How many past months to show before the current one. */
    monthsBack: z.coerce.number().int().min(0).max(24).default(6),
    /** How many past month starts the backtest replays. */
    backtestMonths: z.coerce.number().int().min(3).max(24).default(12),
  })
  .superRefine((query, ctx) => {
    if (query.kind === 'total' && query.targetId)
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'The whole company has no target' });
    if (query.kind !== 'total' && !query.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'Required' });
  });
export type TForecastQuery = z.infer<typeof ZForecastQuery>;

/** Decimal strings in the base currency, exact to the cent. */
export const ZForecastMonth = z.object({
  month: ZMonth,
  /** The plan for the month; null without one. */
  plan: z.string().nullable(),
  /** Revenue so far; null for months to come. */
  actual: z.string().nullable(),
  /** For the current month and those to come (the current one includes its revenue so far); null for past months. */
  forecast: z.string().nullable(),
  /** The forecast's parts: open deals weighted by probability, and the run-rate of business not yet in the pipeline. */
  pipeline: z.string().nullable(),
  runRate: z.string().nullable(),
});
export type TForecastMonth = z.infer<typeof ZForecastMonth>;

export const ZForecastPeriod = z.object({
  from: ZMonth,
  to: ZMonth,
  plan: z.string().nullable(),
  forecast: z.string(),
  pipeline: z.string(),
  runRate: z.string(),
});
export type TForecastPeriod = z.infer<typeof ZForecastPeriod>;

export const ZBacktestMonth = z.object({
  month: ZMonth,
  /** What the model would have forecast for the month on its first day, knowing only what was known then. */
  forecast: z.string(),
  actual: z.string(),
  /** Forecast minus actual: above zero the forecast was too high. */
  error: z.string(),
  /** The error's size against the actual, per cent to two decimals; null in a month without sales. */
  errorPercent: z.string().nullable(),
});
export type TBacktestMonth = z.infer<typeof ZBacktestMonth>;

export const ZBacktest = z.object({
  months: z.array(ZBacktestMonth),
  /** Mean absolute percentage error over the months with sales, two decimals; null when none had sales. */
  mape: z.string().nullable(),
  /** Months without sales, left out of the percentage (their error is in `meanAbsoluteError`). */
  monthsWithoutSales: z.number().int(),
  /** The mean of the errors' sizes, in money, over every month. */
  meanAbsoluteError: z.string(),
  /** The mean error: above zero the forecast tends to be too high. */
  bias: z.string(),
});
export type TBacktest = z.infer<typeof ZBacktest>;

export const ZForecast = z.object({
  kind: ZPlanKind,
  target: ZPlanTarget.nullable(),
  basis: ZRevenueBasis,
  baseCurrency: ZCurrencyCode,
  /** The reader's today, which decides the current month. */
  today: z.iso.date(),
  currentMonth: ZMonth,
  /** True when the reader sees only part of the target's deals and orders (their own or their unit's). */
  partial: z.boolean(),
  /** From `monthsBack` months ago to three months ahead. */
  months: z.array(ZForecastMonth),
  nextMonth: ZForecastPeriod,
  /** The three months after the current one. */
  nextQuarter: ZForecastPeriod,
  /** Open deals without an expected close date: in no month's forecast. */
  undated: z.object({ count: z.number().int(), weighted: z.string() }),
  /** Whether the run-rate follows the season (a full year of history), and how many past months it averages. */
  seasonal: z.boolean(),
  historyMonths: z.number().int(),
  backtest: ZBacktest,
});
export type TForecast = z.infer<typeof ZForecast>;
