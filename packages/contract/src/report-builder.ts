/** The report builder's definitions and saved reports (`/api/v1/reports/builder`, `/api/v1/saved-reports`). */
import { z } from 'zod';
import { ACTIVITY_TYPES } from './activities.ts';
import { ZGroupedReportRow } from './analysis.ts';
import { listOf, ZDay, ZId } from './common.ts';
import { ZCurrencyCode } from './currencies.ts';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES } from './customers.ts';
import { STAGE_KINDS } from './deals.ts';
import { ORDER_STATUSES } from './sales.ts';

/** What a built report counts: deals, companies, contacts, activities or orders. */
export const BUILDER_ENTITIES = ['deals', 'companies', 'contacts', 'activities', 'orders'] as const;
export const ZBuilderEntity = z.enum(BUILDER_ENTITIES);
export type TBuilderEntity = z.infer<typeof ZBuilderEntity>;

/**
 * Every grouping the builder knows. Periods: `created*` by the day the record was made (in the
 * reader's time zone), `close*` by a deal's close day, `month`/`quarter`/`year` by an order's day or
 * an activity's. `owner` is an activity's author; `company` an order's or a deal's customer.
 */
export const BUILDER_DIMENSIONS = [
  'createdMonth',
  'createdQuarter',
  'createdYear',
  'closeMonth',
  'closeQuarter',
  'closeYear',
  'month',
  'quarter',
  'year',
  'stage',
  'status',
  'class',
  'owner',
  'unit',
  'product',
  'source',
  'leadSource',
  'region',
  'city',
  'lostReason',
  'company',
  'type',
  'outcome',
] as const;
export const ZBuilderDimension = z.enum(BUILDER_DIMENSIONS);
export type TBuilderDimension = z.infer<typeof ZBuilderDimension>;

/** The groupings that are periods: they sort in time order and draw well as lines. */
export const BUILDER_PERIODS = [
  'createdMonth',
  'createdQuarter',
  'createdYear',
  'closeMonth',
  'closeQuarter',
  'closeYear',
  'month',
  'quarter',
  'year',
] as const satisfies readonly TBuilderDimension[];

const CUSTOMER_DIMENSIONS = [
  'status',
  'class',
  'region',
  'city',
  'owner',
  'unit',
  'leadSource',
  'createdMonth',
  'createdQuarter',
  'createdYear',
] as const satisfies readonly TBuilderDimension[];

/** The groupings of each entity, in the order the form offers them. */
export const DIMENSIONS_OF = {
  deals: [
    'createdMonth',
    'createdQuarter',
    'createdYear',
    'closeMonth',
    'closeQuarter',
    'closeYear',
    'stage',
    'status',
    'owner',
    'unit',
    'product',
    'source',
    'region',
    'lostReason',
    'company',
  ],
  companies: CUSTOMER_DIMENSIONS,
  contacts: CUSTOMER_DIMENSIONS,
  activities: ['type', 'outcome', 'owner', 'unit', 'month', 'quarter', 'year'],
  orders: ['month', 'quarter', 'year', 'status', 'owner', 'unit', 'company', 'region'],
} as const satisfies Record<TBuilderEntity, readonly TBuilderDimension[]>;

/** `count` of records; `sum` and `avg` of the amount in the base currency (deals' value, orders' total). */
export const BUILDER_MEASURES = ['count', 'sum', 'avg'] as const;
export const ZBuilderMeasure = z.enum(BUILDER_MEASURES);
export type TBuilderMeasure = z.infer<typeof ZBuilderMeasure>;

export const MEASURES_OF = {
  deals: BUILDER_MEASURES,
  companies: ['count'],
  contacts: ['count'],
  activities: ['count'],
  orders: BUILDER_MEASURES,
} as const satisfies Record<TBuilderEntity, readonly TBuilderMeasure[]>;

/** How the figures are drawn; `table` shows the table alone. */
export const BUILDER_CHARTS = ['bar', 'horizontalBar', 'line', 'pie', 'table'] as const;
export const ZBuilderChart = z.enum(BUILDER_CHARTS);
export type TBuilderChart = z.infer<typeof ZBuilderChart>;

/** The values the `status` filter takes for each entity that has one. */
export const STATUSES_OF = {
  deals: STAGE_KINDS,
  companies: CUSTOMER_STATUSES,
  contacts: CUSTOMER_STATUSES,
  orders: ORDER_STATUSES,
} as const;

/** Which filters each entity takes, besides the period, owner and unit every one has. */
export const FILTERS_OF = {
  deals: ['dateField', 'status', 'stageId', 'productId'],
  companies: ['status', 'class'],
  contacts: ['status', 'class'],
  activities: ['type'],
  orders: ['status'],
} as const satisfies Record<TBuilderEntity, readonly string[]>;

export const ZBuilderFilters = z.strictObject({
  /** The first and last day of the period (both included) on the entity's main date. */
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Deals: whether the period is on the day they were created (the default) or closed. */
  dateField: z.enum(['created', 'closed']).optional(),
  /** The owner (an activity's author). */
  ownerId: ZId.optional(),
  unitId: ZId.optional(),
  /** Any of these statuses. Deals: open, won or lost; companies and contacts: theirs; orders: theirs (all but `cancelled`, say). */
  status: z.array(z.string().max(40)).min(1).max(10).optional(),
  /** Companies and contacts of any of these classes. */
  class: z.array(z.enum(CUSTOMER_CLASSES)).min(1).max(CUSTOMER_CLASSES.length).optional(),
  stageId: ZId.optional(),
  productId: ZId.optional(),
  /** Activities of any of these types. */
  type: z.array(z.enum(ACTIVITY_TYPES)).min(1).max(ACTIVITY_TYPES.length).optional(),
});
export type TBuilderFilters = z.infer<typeof ZBuilderFilters>;

type Shape = { entity: TBuilderEntity; groupBy: string; thenBy?: string | undefined; measure: string; filters: TBuilderFilters };

/** What belongs together: each grouping, the measure and each filter must be the entity's own. */
function checkCombination(definition: Shape, ctx: z.RefinementCtx) {
  const { entity } = definition;
  const dimensions: readonly string[] = DIMENSIONS_OF[entity];
  for (const field of ['groupBy', 'thenBy'] as const) {
    const value = definition[field];
    if (value !== undefined && !dimensions.includes(value))
      ctx.addIssue({ code: 'custom', path: [field], message: `Not a grouping of ${entity}; allowed: ${dimensions.join(', ')}` });
  }
  if (definition.thenBy !== undefined && definition.thenBy === definition.groupBy)
    ctx.addIssue({ code: 'custom', path: ['thenBy'], message: 'Must differ from groupBy' });
  const measures: readonly string[] = MEASURES_OF[entity];
  if (!measures.includes(definition.measure))
    ctx.addIssue({ code: 'custom', path: ['measure'], message: `Not a measure of ${entity}; allowed: ${measures.join(', ')}` });
  const own: readonly string[] = ['from', 'to', 'ownerId', 'unitId', ...FILTERS_OF[entity]];
  for (const [key, value] of Object.entries(definition.filters)) {
    if (value === undefined) continue;
    if (!own.includes(key)) ctx.addIssue({ code: 'custom', path: ['filters', key], message: `Not a filter of ${entity}` });
  }
  const statuses = definition.filters.status;
  if (statuses !== undefined && entity in STATUSES_OF) {
    const allowed: readonly string[] = STATUSES_OF[entity as keyof typeof STATUSES_OF];
    statuses.forEach((status, index) => {
      if (!allowed.includes(status))
        ctx.addIssue({ code: 'custom', path: ['filters', 'status', index], message: `Allowed: ${allowed.join(', ')}` });
    });
  }
  const { from, to } = definition.filters;
  if (from && to && from > to) ctx.addIssue({ code: 'custom', path: ['filters', 'to'], message: 'Must not be before from' });
}

/** A built report: the entity, one or two groupings, the measure, the filters and the chart. */
export const ZReportDefinition = z
  .strictObject({
    entity: ZBuilderEntity,
    groupBy: ZBuilderDimension,
    /** A second level inside each group. */
    thenBy: ZBuilderDimension.optional(),
    measure: ZBuilderMeasure.default('count'),
    filters: ZBuilderFilters.default({}),
    chart: ZBuilderChart.default('bar'),
  })
  .superRefine(checkCombination);
export type TReportDefinition = z.infer<typeof ZReportDefinition>;
export type TReportDefinitionInput = z.input<typeof ZReportDefinition>;

/** `format=xlsx` answers with the report as an Excel file, headed in the reader's language. */
export const ZBuilderRunQuery = z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') });

/**
 * A built report's figures: a row per group (`key` as in the sales report: a period such as
 * `2026-03`, an id, a status code, a region; null for records without it) with its subgroups, and
 * the total. `count` is always there; `amount` is the sum or the average in the base currency
 * (averages over the records that have an amount), null when the measure is a count.
 */
export const ZBuilderReport = z.object({
  entity: ZBuilderEntity,
  groupBy: ZBuilderDimension,
  thenBy: ZBuilderDimension.nullable(),
  measure: ZBuilderMeasure,
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZGroupedReportRow),
  total: z.object({ count: z.number().int(), amount: z.string().nullable() }),
});
export type TBuilderReport = z.infer<typeof ZBuilderReport>;

const name = z.string().trim().min(1).max(120);

/** A definition kept under a name; private to its owner or shared with the workspace. */
export const ZSavedReport = z.object({
  id: ZId,
  name: z.string(),
  shared: z.boolean(),
  owner: z.object({ id: ZId, name: z.string() }).nullable(),
  definition: ZReportDefinition,
  /** Whether the actor may change or delete it: its owner, or an admin for a shared report. */
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TSavedReport = z.infer<typeof ZSavedReport>;
export const ZSavedReportList = listOf(ZSavedReport);
export type TSavedReportList = z.infer<typeof ZSavedReportList>;

export const ZCreateSavedReportInput = z.strictObject({
  name,
  shared: z.boolean().default(false),
  definition: ZReportDefinition,
});
export type TCreateSavedReportInput = z.input<typeof ZCreateSavedReportInput>;

export const ZUpdateSavedReportInput = z.strictObject({
  name: name.optional(),
  shared: z.boolean().optional(),
  definition: ZReportDefinition.optional(),
});
export type TUpdateSavedReportInput = z.input<typeof ZUpdateSavedReportInput>;
