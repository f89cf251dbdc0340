// The API contract of the analysis module: sales reports, win rates, the funnel, won and lost deals, customer counts and ABC×XYZ.
import { z } from 'zod';
import { ZDay, ZId } from './common.ts';
import { ZCurrencyCode } from './currencies.ts';
import { ZStageKind } from './deals.ts';

/** What revenue is: won deals by their close date (their base-currency value), or orders (not cancelled) by their date. */
export const REVENUE_BASES = ['won_deals', 'orders'] as const;
export const ZRevenueBasis = z.enum(REVENUE_BASES);
export type TRevenueBasis = z.infer<typeof ZRevenueBasis>;

/** How sales can be grouped: by period, or by branch (unit), manager (owner), product, the customer's region, or customer. */
export const SALES_GROUPINGS = ['month', 'quarter', 'year', 'unit', 'owner', 'product', 'region', 'company'] as const;
export const ZSalesGrouping = z.enum(SALES_GROUPINGS);
export type TSalesGrouping = z.infer<typeof ZSalesGrouping>;

export const WIN_RATE_GROUPINGS = ['unit', 'owner', 'product', 'month', 'quarter'] as const;
export const ZWinRateGrouping = z.enum(WIN_RATE_GROUPINGS);
export type TWinRateGrouping = z.infer<typeof ZWinRateGrouping>;

export const CUSTOMER_GROUPINGS = ['region', 'status', 'owner', 'class'] as const;
export const ZCustomerGrouping = z.enum(CUSTOMER_GROUPINGS);
export type TCustomerGrouping = z.infer<typeof ZCustomerGrouping>;

/** Periods are the groupings a line chart draws. */
export const PERIOD_GROUPINGS = ['month', 'quarter', 'year'] as const;

/** `xlsx` answers with the report as an Excel file, headed in the reader's language. */
export const ZReportFormat = z.enum(['json', 'xlsx']);

const period = {
  /** The first and last day counted, both included. */
  from: ZDay.optional(),
  to: ZDay.optional(),
};
const fromBeforeTo = (query: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (query.from && query.to && query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' });
};

export const ZSalesReportQuery = z
  .strictObject({
    groupBy: ZSalesGrouping,
    /** A second level inside each group. */
    thenBy: ZSalesGrouping.optional(),
    ...period,
    basis: ZRevenueBasis.default('won_deals'),
    unitId: ZId.optional(),
    ownerId: ZId.optional(),
    productId: ZId.optional(),
    format: ZReportFormat.default('json'),
  })
  .superRefine((query, ctx) => {
    fromBeforeTo(query, ctx);
    if (query.thenBy && query.thenBy === query.groupBy)
      ctx.addIssue({ code: 'custom', path: ['thenBy'], message: 'Must differ from groupBy' });
  });
export type TSalesReportQuery = z.infer<typeof ZSalesReportQuery>;

export const ZWinRateQuery = z
  .strictObject({
    groupBy: ZWinRateGrouping,
    ...period,
    unitId: ZId.optional(),
    ownerId: ZId.optional(),
    productId: ZId.optional(),
    format: ZReportFormat.default('json'),
  })
  .superRefine(fromBeforeTo);
export type TWinRateQuery = z.infer<typeof ZWinRateQuery>;

export const ZCustomersReportQuery = z.strictObject({
  groupBy: ZCustomerGrouping,
  thenBy: ZCustomerGrouping.optional(),
  unitId: ZId.optional(),
  ownerId: ZId.optional(),
  format: ZReportFormat.default('json'),
});
export type TCustomersReportQuery = z.infer<typeof ZCustomersReportQuery>;

/**
 * One group of a report. `key` is what the group is (a period like `2017-Q1`, `2017-03` or
 * `2017`, an id, a region or status), null for records without it; `label` is its name.
 */
export const ZReportRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  count: z.number().int(),
  /** The sum in the base currency, a decimal string, exact to the cent; null in counts of customers. */
  amount: z.string().nullable(),
});
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZGroupedReportRow = ZReportRow.extend({
  /** The second level (thenBy) inside this group, when asked for. */
  children: z.array(ZReportRow).optional(),
});
export type TGroupedReportRow = z.infer<typeof ZGroupedReportRow>;

export const ZSalesReport = z.object({
  groupBy: ZSalesGrouping,
  thenBy: ZSalesGrouping.nullable(),
  basis: ZRevenueBasis,
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZGroupedReportRow),
  total: z.object({ count: z.number().int(), amount: z.string() }),
});
export type TSalesReport = z.infer<typeof ZSalesReport>;

export const ZWinRateRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  /** Won out of closed (won + lost), in per cent rounded half up to two decimals ("48.25"); null with none closed. */
  winRate: z.string().nullable(),
  wonAmount: z.string(),
});
export type TWinRateRow = z.infer<typeof ZWinRateRow>;

export const ZWinRateReport = z.object({
  groupBy: ZWinRateGrouping,
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZWinRateRow),
  total: ZWinRateRow.omit({ key: true, label: true }),
});
export type TWinRateReport = z.infer<typeof ZWinRateReport>;

export const ZCustomersReport = z.object({
  groupBy: ZCustomerGrouping,
  thenBy: ZCustomerGrouping.nullable(),
  rows: z.array(ZGroupedReportRow),
  total: z.object({ count: z.number().int() }),
});
export type TCustomersReport = z.infer<typeof ZCustomersReport>;

/* ABC×XYZ */

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export const XYZ_CLASSES = ['X', 'Y', 'Z'] as const;
export const ZAbcClass = z.enum(ABC_CLASSES);
export const ZXyzClass = z.enum(XYZ_CLASSES);
export type TAbcClass = z.infer<typeof ZAbcClass>;
export type TXyzClass = z.infer<typeof ZXyzClass>;

/** A percentage with up to two decimals, 0–100. */
const ZPercent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'A number with up to two decimals')
  .refine((value) => Number(value) <= 100, 'At most 100');

export const ZAbcSettings = z.object({
  /** The cumulative share of revenue that closes class A (80 by default) and class B (95). */
  aShare: z.string(),
  bShare: z.string(),
  /** The coefficients of variation (per cent) that close X (10) and Y (25). */
  xVariation: z.string(),
  yVariation: z.string(),
  basis: ZRevenueBasis,
  /** `monthly`: the classes are written to the customers on the first day of each month. */
  schedule: z.enum(['manual', 'monthly']),
  /** When the classes were last written to the customers, and by whom (null: by the schedule). */
  writtenAt: z.iso.datetime().nullable(),
  writtenBy: z.object({ id: ZId, name: z.string() }).nullable(),
});
export type TAbcSettings = z.infer<typeof ZAbcSettings>;

const thresholdsOrdered = (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const n = (key: string) => (typeof input[key] === 'string' ? Number(input[key]) : undefined);
  const [a, b, x, y] = [n('aShare'), n('bShare'), n('xVariation'), n('yVariation')];
  if (a !== undefined && b !== undefined && a > b) ctx.addIssue({ code: 'custom', path: ['bShare'], message: 'Must not be below aShare' });
  if (x !== undefined && y !== undefined && x > y)
    ctx.addIssue({ code: 'custom', path: ['yVariation'], message: 'Must not be below xVariation' });
};

export const ZUpdateAbcSettingsInput = z
  .strictObject({
    aShare: ZPercent,
    bShare: ZPercent,
    xVariation: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'A number with up to two decimals'),
    yVariation: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'A number with up to two decimals'),
    basis: ZRevenueBasis,
    schedule: z.enum(['manual', 'monthly']),
  })
  .partial()
  .superRefine(thresholdsOrdered);
export type TUpdateAbcSettingsInput = z.infer<typeof ZUpdateAbcSettingsInput>;

/** The period and thresholds of an analysis; what is left out comes from the workspace's settings (the period: the last 12 months). */
export const ZAbcQuery = z
  .strictObject({
    ...period,
    basis: ZRevenueBasis.optional(),
    aShare: ZPercent.optional(),
    bShare: ZPercent.optional(),
    xVariation: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'A number with up to two decimals')
      .optional(),
    yVariation: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'A number with up to two decimals')
      .optional(),
    format: ZReportFormat.default('json'),
  })
  .superRefine((query, ctx) => {
    fromBeforeTo(query, ctx);
    thresholdsOrdered(query, ctx);
  });
export type TAbcQuery = z.infer<typeof ZAbcQuery>;

export const ZAbcCustomer = z.object({
  company: z.object({ id: ZId, name: z.string() }),
  revenue: z.string(),
  /** Its share of the total and the running total's share down to it, per cent to two decimals. */
  share: z.string(),
  cumulativeShare: z.string(),
  abc: ZAbcClass,
  /** The coefficient of variation of its monthly revenue, per cent to two decimals. */
  cv: z.string(),
  xyz: ZXyzClass,
  /** The class its record holds now. */
  currentClass: ZAbcClass.nullable(),
});
export type TAbcCustomer = z.infer<typeof ZAbcCustomer>;

export const ZAbcCell = z.object({ abc: ZAbcClass, xyz: ZXyzClass, count: z.number().int(), revenue: z.string() });
export type TAbcCell = z.infer<typeof ZAbcCell>;

export const ZAbcReport = z.object({
  from: ZDay,
  to: ZDay,
  /** The calendar months of the period: the XYZ variation is taken over them, months without revenue as 0. */
  months: z.number().int(),
  basis: ZRevenueBasis,
  aShare: z.string(),
  bShare: z.string(),
  xVariation: z.string(),
  yVariation: z.string(),
  baseCurrency: ZCurrencyCode,
  total: z.string(),
  /** Revenue of the period with no company (deals of a contact alone): counted in no class. */
  unassigned: z.string(),
  /** Customers with revenue in the period, largest first. */
  customers: z.array(ZAbcCustomer),
  /** The nine cells, AX, AY, AZ, BX … CZ. */
  matrix: z.array(ZAbcCell),
  writtenAt: z.iso.datetime().nullable(),
});
export type TAbcReport = z.infer<typeof ZAbcReport>;

export const ZApplyAbcInput = z.strictObject({
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type TApplyAbcInput = z.infer<typeof ZApplyAbcInput>;

export const ZApplyAbcResult = z.object({ changed: z.number().int(), writtenAt: z.iso.datetime() });
export type TApplyAbcResult = z.infer<typeof ZApplyAbcResult>;

/* The funnel and won and lost deals */

export const ZFunnelQuery = z
  .strictObject({
    /** The default pipeline unless told. */
    pipelineId: ZId.optional(),
    /** The deals created in these days (both included), as the reader's calendar reads them. */
    ...period,
    unitId: ZId.optional(),
    ownerId: ZId.optional(),
    productId: ZId.optional(),
    format: ZReportFormat.default('json'),
  })
  .superRefine(fromBeforeTo);
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;

export const ZFunnelStage = z.object({
  stage: z.object({ id: ZId, name: z.string(), kind: ZStageKind, probability: z.number().int() }),
  /**
   * Deals that reached the stage: entered it at some time, or (for an open stage) a later open
   * stage or a won one. Won and lost stages count the deals that entered them.
   */
  reached: z.number().int(),
  /** The base-currency sum of the deals that reached it. */
  reachedAmount: z.string(),
  /**
   * Per cent to two decimals: reached here out of reached in the open stage before (a won stage:
   * the last open one; null for the first stage and for lost stages), and out of the first stage.
   */
  fromPrevious: z.string().nullable(),
  fromFirst: z.string().nullable(),
  /** Deals in the stage now, and their base-currency sum. */
  current: z.number().int(),
  currentAmount: z.string(),
  /**
   * Days deals spent in an open stage, from entering it until leaving it (each deal's stays added
   * up); deals still in it count up to `asOf`. Average and median to two decimals; null for won and
   * lost stages or with no deal measured.
   */
  averageDays: z.string().nullable(),
  medianDays: z.string().nullable(),
  /** How many deals the durations were taken over, and how many of them are still in the stage. */
  measured: z.number().int(),
  stillIn: z.number().int(),
});
export type TFunnelStage = z.infer<typeof ZFunnelStage>;

export const ZFunnelReport = z.object({
  pipeline: z.object({ id: ZId, name: z.string() }),
  baseCurrency: ZCurrencyCode,
  /** The moment durations of deals still in a stage run up to. */
  asOf: z.iso.datetime(),
  /** The time zone the period's days were read in. */
  timeZone: z.string(),
  /** Deals of the pipeline created in the period. */
  deals: z.number().int(),
  /** Open stages in the pipeline's order, then the won and the lost ones. */
  stages: z.array(ZFunnelStage),
});
export type TFunnelReport = z.infer<typeof ZFunnelReport>;

export const ZWonLostQuery = z
  .strictObject({
    groupBy: ZWinRateGrouping,
    /** Deals closed in these days, both included. */
    ...period,
    unitId: ZId.optional(),
    ownerId: ZId.optional(),
    productId: ZId.optional(),
    format: ZReportFormat.default('json'),
  })
  .superRefine(fromBeforeTo);
export type TWonLostQuery = z.infer<typeof ZWonLostQuery>;

export const ZWonLostRow = ZWinRateRow.extend({
  /** The base-currency sum of the lost deals. */
  lostAmount: z.string(),
});
export type TWonLostRow = z.infer<typeof ZWonLostRow>;

/** Lost deals of one reason; `key` null: lost with no reason given. */
export const ZLostReasonRow = z.object({
  key: ZId.nullable(),
  label: z.string(),
  count: z.number().int(),
  amount: z.string(),
  /** Its share of the lost deals, per cent to two decimals. */
  share: z.string(),
});
export type TLostReasonRow = z.infer<typeof ZLostReasonRow>;

export const ZWonLostReport = z.object({
  groupBy: ZWinRateGrouping,
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZWonLostRow),
  total: ZWonLostRow.omit({ key: true, label: true }),
  /** The lost deals by reason, most first. */
  reasons: z.array(ZLostReasonRow),
});
export type TWonLostReport = z.infer<typeof ZWonLostReport>;
