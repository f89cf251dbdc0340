import { z } from 'zod';
import { ZId, ZTimeZone } from './common.ts';

/** The periods of the KPI board: today, this week (from Monday), this month, each so far. */
export const KPI_PERIODS = ['today', 'week', 'month'] as const;
export const ZKpiPeriod = z.enum(KPI_PERIODS);
export type TKpiPeriod = z.infer<typeof ZKpiPeriod>;

/**
 * What the KPI board counts: new potential clients, proposals sent, new deals and deals won (from
 * the hourly aggregates), and complaints received and resolved (cases of the kind complaint,
 * registered or resolved in the period, counted on the cases themselves).
 */
export const KPI_MEASURES = ['potentialClients', 'quotesSent', 'newDeals', 'dealsWon', 'complaintsReceived', 'complaintsResolved'] as const;
export const ZKpiMeasure = z.enum(KPI_MEASURES);
export type TKpiMeasure = z.infer<typeof ZKpiMeasure>;

/** The measures that have a sum in the base currency besides their count. */
export const KPI_MONEY_MEASURES: readonly TKpiMeasure[] = ['quotesSent', 'newDeals', 'dealsWon'];

export const ZKpiQuery = z.strictObject({
  period: ZKpiPeriod.default('today'),
  /** Narrows to a unit and the units below it, within what the reader may see. */
  unitId: ZId.optional(),
  /** The zone whose midnight starts "today"; the reader's own zone unless told. */
  timeZone: ZTimeZone.optional(),
});
export type TKpiQuery = z.input<typeof ZKpiQuery>;

/** A count and, for money measures, a sum in the base currency (a decimal string, never a float). */
export const ZKpiFigure = z.object({ count: z.number().int(), sum: z.string().nullable() });
export type TKpiFigure = z.infer<typeof ZKpiFigure>;

export const ZKpiValue = z.object({
  measure: ZKpiMeasure,
  current: ZKpiFigure,
  /** The previous period of the same kind up to the same moment (yesterday until this hour). */
  previous: ZKpiFigure,
});
export type TKpiValue = z.infer<typeof ZKpiValue>;

const ZPeriodBounds = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

export const ZKpiBoard = z.object({
  period: ZKpiPeriod,
  timeZone: z.string(),
  baseCurrency: z.string(),
  current: ZPeriodBounds,
  previous: ZPeriodBounds,
  kpis: z.array(ZKpiValue),
  /** When the figures are from: the aggregates are live, so this is the server's time of the answer. */
  refreshedAt: z.iso.datetime(),
});
export type TKpiBoard = z.infer<typeof ZKpiBoard>;

export const ZKpiSeriesQuery = ZKpiQuery.extend({ measure: ZKpiMeasure });
export type TKpiSeriesQuery = z.input<typeof ZKpiSeriesQuery>;

/** One step of a series: an hour of today or a day of the week or month, with its position in the period. */
export const ZKpiPoint = z.object({
  index: z.number().int(),
  start: z.iso.datetime(),
  count: z.number().int(),
  sum: z.string().nullable(),
});
export type TKpiPoint = z.infer<typeof ZKpiPoint>;

export const ZKpiSeries = z.object({
  measure: ZKpiMeasure,
  period: ZKpiPeriod,
  /** Hours for today, days for a week or a month, in the reader's time zone. */
  step: z.enum(['hour', 'day']),
  timeZone: z.string(),
  baseCurrency: z.string(),
  /** The whole current period step by step (steps still to come count zero), and the whole previous one. */
  current: z.array(ZKpiPoint),
  previous: z.array(ZKpiPoint),
  refreshedAt: z.iso.datetime(),
});
export type TKpiSeries = z.infer<typeof ZKpiSeries>;
