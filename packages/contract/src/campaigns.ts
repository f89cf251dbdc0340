import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';

// The same month as forecasts' ZMonth, written here: importing it would close an import cycle
// (forecasts → analysis → deals → campaigns) that leaves schemas undefined while modules load.
const ZMonth = z.string().regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** What kind of marketing effort a campaign is. */
export const CAMPAIGN_KINDS = ['exhibition', 'seminar', 'web_ads', 'press', 'mailing', 'other'] as const;
export const ZCampaignKind = z.enum(CAMPAIGN_KINDS);
export type TCampaignKind = z.infer<typeof ZCampaignKind>;

export const CAMPAIGN_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type TCampaignStatus = z.infer<typeof ZCampaignStatus>;

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

// ---------------------------------------------------------------------------------------------
// Lead sources (`/lead-sources`): read by everyone, managed by admins and managers.

export const ZLeadSource = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  /** An inactive source is kept on old records but not offered for new ones. */
  active: z.boolean(),
});
export type TLeadSource = z.infer<typeof ZLeadSource>;
export const ZLeadSourceList = z.object({ data: z.array(ZLeadSource) });

/** A new source goes last unless a position is given; names are unique per workspace (409 `duplicate_name`). */
export const ZCreateLeadSourceInput = z.strictObject({
  name: text(120).min(1),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TCreateLeadSourceInput = z.infer<typeof ZCreateLeadSourceInput>;
export const ZUpdateLeadSourceInput = ZCreateLeadSourceInput.partial();
export type TUpdateLeadSourceInput = z.infer<typeof ZUpdateLeadSourceInput>;

/** `PUT /lead-sources/order`: every source's id in the new order (positions become 0, 1, 2…). */
export const ZLeadSourceOrderInput = z.strictObject({ ids: z.array(ZId).min(1).max(1_000) });
export type TLeadSourceOrderInput = z.infer<typeof ZLeadSourceOrderInput>;

// ---------------------------------------------------------------------------------------------
// Attribution of contacts, companies and deals (and leads): first touch and converting touch.

/** Input fields spread into the contact, company and deal inputs; each must exist in the workspace. */
export const attributionInputFields = {
  /** The source of the first touch. */
  sourceId: ZId.nullable().optional(),
  /** The campaign of the first touch. */
  campaignId: ZId.nullable().optional(),
  /** The source of the touch that converted it (a lead qualified, a deal won). */
  convertedSourceId: ZId.nullable().optional(),
  convertedCampaignId: ZId.nullable().optional(),
};

/** Where a record came from, with names; the form's ids are `attribution.source?.id` and so on. */
export const ZAttribution = z.object({
  source: ZRef.nullable(),
  campaign: ZRef.nullable(),
  convertedSource: ZRef.nullable(),
  convertedCampaign: ZRef.nullable(),
});
export type TAttribution = z.infer<typeof ZAttribution>;

// ---------------------------------------------------------------------------------------------
// Campaigns (`/campaigns`): read by all staff, managed by admins and managers.

/** Money is a decimal string with two decimals in the workspace's base currency ("1250.00"). */
const ZMoney = z.string();
const ZMoneyInput = ZAmount;

/** The campaign's target: a saved view or a static list of contacts or companies. */
export const ZCampaignSegment = z.object({
  type: z.enum(['view', 'list']),
  id: ZId,
  name: z.string(),
  entity: z.enum(['contact', 'company']),
});

export const ZCampaign = z.object({
  id: ZId,
  name: z.string(),
  kind: ZCampaignKind,
  status: ZCampaignStatus,
  startsOn: z.iso.date().nullable(),
  endsOn: z.iso.date().nullable(),
  budget: ZMoney.nullable(),
  baseCurrency: ZCurrencyCode,
  source: ZRef.nullable(),
  owner: ZRef.nullable(),
  segment: ZCampaignSegment.nullable(),
  description: z.string().nullable(),
  /** Sums of the cost lines. */
  plannedCost: ZMoney,
  actualCost: ZMoney,
  /** Whether the reader may change or remove it. */
  mayChange: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TCampaign = z.infer<typeof ZCampaign>;
export const ZCampaignList = listOf(ZCampaign);

export const ZCampaignCost = z.object({
  id: ZId,
  description: z.string(),
  planned: ZMoney,
  actual: ZMoney,
  incurredOn: z.iso.date(),
});
export type TCampaignCost = z.infer<typeof ZCampaignCost>;

/** What the campaign brought, all time: leads and deals attributed to it, and what the won ones paid. */
export const ZCampaignResults = z.object({
  leads: z.number().int(),
  deals: z.number().int(),
  wonDeals: z.number().int(),
  wonRevenue: ZMoney,
  /** Null while nothing to divide by. */
  costPerLead: ZMoney.nullable(),
  costPerWonDeal: ZMoney.nullable(),
  /** (revenue − cost) / cost, e.g. 1.5 = +150 %; null when nothing was spent. */
  roi: z.number().nullable(),
});
export type TCampaignResults = z.infer<typeof ZCampaignResults>;

/** `GET /campaigns/:id`: the campaign with its cost lines, totals and results. */
export const ZCampaignDetail = ZCampaign.extend({
  costs: z.array(ZCampaignCost),
  totals: z.object({
    planned: ZMoney,
    actual: ZMoney,
    /** Budget − actual cost; null without a budget. */
    budgetLeft: ZMoney.nullable(),
  }),
  results: ZCampaignResults,
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

const campaignFields = {
  name: text(200).min(1),
  kind: ZCampaignKind,
  status: ZCampaignStatus.optional(),
  startsOn: ZDay.nullable().optional(),
  /** Not before `startsOn` (400 `validation_failed` on `endsOn`). */
  endsOn: ZDay.nullable().optional(),
  budget: ZMoneyInput.nullable().optional(),
  sourceId: ZId.nullable().optional(),
  /** The actor unless told. */
  ownerId: ZId.nullable().optional(),
  /** A contact or company saved view the actor may see; at most one of view and list. */
  segmentViewId: ZId.nullable().optional(),
  segmentListId: ZId.nullable().optional(),
  description: text(10_000).nullable().optional(),
};

const endsAfterStart = (c: { startsOn?: string | null; endsOn?: string | null }) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
const oneSegment = (c: { segmentViewId?: string | null; segmentListId?: string | null }) => !(c.segmentViewId && c.segmentListId);

export const ZCreateCampaignInput = z
  .strictObject(campaignFields)
  .refine(endsAfterStart, { message: 'Ends before it starts', path: ['endsOn'] })
  .refine(oneSegment, { message: 'A saved view or a list, not both', path: ['segmentListId'] });
export type TCreateCampaignInput = z.infer<typeof ZCreateCampaignInput>;
/** A partial update; the dates are checked against the stored ones too. */
export const ZUpdateCampaignInput = z
  .strictObject({ ...campaignFields, name: campaignFields.name.optional(), kind: ZCampaignKind.optional() })
  .refine(endsAfterStart, { message: 'Ends before it starts', path: ['endsOn'] })
  .refine(oneSegment, { message: 'A saved view or a list, not both', path: ['segmentListId'] });
export type TUpdateCampaignInput = z.infer<typeof ZUpdateCampaignInput>;

/** `GET /campaigns?q=&filter[...]=&limit=&cursor=`, newest first; `from`/`to` keep campaigns running in that period. */
export const ZCampaignListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[kind]': ZCampaignKind.optional(),
  'filter[status]': ZCampaignStatus.optional(),
  'filter[sourceId]': ZId.optional(),
  'filter[ownerId]': ZId.optional(),
  'filter[from]': ZDay.optional(),
  'filter[to]': ZDay.optional(),
});
export type TCampaignListQuery = z.infer<typeof ZCampaignListQuery>;

/** A cost line: `POST /campaigns/:id/costs`, `PATCH|DELETE /campaigns/:id/costs/:costId`. */
export const ZCreateCampaignCostInput = z.strictObject({
  description: text(300).min(1),
  planned: ZMoneyInput.optional(),
  actual: ZMoneyInput.optional(),
  incurredOn: ZDay,
});
export type TCreateCampaignCostInput = z.infer<typeof ZCreateCampaignCostInput>;
export const ZUpdateCampaignCostInput = ZCreateCampaignCostInput.partial();
export type TUpdateCampaignCostInput = z.infer<typeof ZUpdateCampaignCostInput>;
export const ZCampaignCostParams = z.strictObject({ id: ZId, costId: ZId });

// ---------------------------------------------------------------------------------------------
// Budget plan (`/marketing/budget`): planned per source and month against the actual spend.

export const ZBudgetQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZBudgetCell = z.object({ month: ZMonth, planned: ZMoney, actual: ZMoney });
export const ZBudgetRow = z.object({
  /** Null: the spend of campaigns without a source (nothing can be planned for it). */
  source: z.object({ id: ZId, name: z.string(), active: z.boolean() }).nullable(),
  /** Twelve cells, January first. */
  months: z.array(ZBudgetCell),
  planned: ZMoney,
  actual: ZMoney,
});
export const ZBudget = z.object({
  year: z.number().int(),
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZBudgetRow),
  /** Per month over all rows, then the year. */
  totals: z.object({ months: z.array(ZBudgetCell), planned: ZMoney, actual: ZMoney }),
});
export type TBudget = z.infer<typeof ZBudget>;

/** `PUT /marketing/budget`: cells upserted together; an amount of 0 removes the cell. */
export const ZBudgetInput = z.strictObject({
  cells: z
    .array(z.strictObject({ sourceId: ZId, month: ZMonth, amount: ZMoneyInput }))
    .min(1)
    .max(2_000),
});
export type TBudgetInput = z.infer<typeof ZBudgetInput>;

// ---------------------------------------------------------------------------------------------
// ROI (`/marketing/roi`).

export const ROI_GROUPINGS = ['campaign', 'source'] as const;
/** `converted`: a deal counts for its converting touch when it has one, else its first; `first`: first touch only. */
export const ROI_ATTRIBUTIONS = ['converted', 'first'] as const;

const ZPeriod = { from: ZDay, to: ZDay };
const periodInOrder = (q: { from: string; to: string }) => q.to >= q.from;

export const ZRoiQuery = z
  .strictObject({
    ...ZPeriod,
    by: z.enum(ROI_GROUPINGS).default('campaign'),
    attribution: z.enum(ROI_ATTRIBUTIONS).default('converted'),
  })
  .refine(periodInOrder, { message: 'Ends before it starts', path: ['to'] });
export type TRoiQuery = z.infer<typeof ZRoiQuery>;

export const ZRoiFigures = z.object({
  /** Leads created in the period. */
  leads: z.number().int(),
  /** Deals created in the period. */
  deals: z.number().int(),
  /** Deals won (closed in a won stage) in the period, and their amounts in the base currency. */
  wonDeals: z.number().int(),
  revenue: ZMoney,
  /** Actual cost lines incurred in the period. */
  cost: ZMoney,
  costPerLead: ZMoney.nullable(),
  costPerWonDeal: ZMoney.nullable(),
  /** (revenue − cost) / cost, four decimals; null when nothing was spent. */
  roi: z.number().nullable(),
  /** Revenue per unit of cost, four decimals; null when nothing was spent. */
  revenuePerCost: z.number().nullable(),
});
export type TRoiFigures = z.infer<typeof ZRoiFigures>;

export const ZRoiRow = ZRoiFigures.extend({
  /** The campaign or the source; null: records without one. */
  item: ZRef.nullable(),
  /** With `by=campaign`, the campaign's source. */
  source: ZRef.nullable(),
});
export type TRoiRow = z.infer<typeof ZRoiRow>;

export const ZRoi = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  by: z.enum(ROI_GROUPINGS),
  attribution: z.enum(ROI_ATTRIBUTIONS),
  baseCurrency: ZCurrencyCode,
  rows: z.array(ZRoiRow),
  totals: ZRoiFigures,
});
export type TRoi = z.infer<typeof ZRoi>;

/** `GET /marketing/roi/cut?from=&to=&percent=`: what cutting the budget by that share would cost. */
export const ZRoiCutQuery = z
  .strictObject({ ...ZPeriod, percent: z.coerce.number().int().min(1).max(100) })
  .refine(periodInOrder, { message: 'Ends before it starts', path: ['to'] });
export type TRoiCutQuery = z.infer<typeof ZRoiCutQuery>;

export const ZRoiCutRow = z.object({
  source: ZRef,
  cost: ZMoney,
  revenue: ZMoney,
  revenuePerCost: z.number(),
  /** This source's share of the total cost, and the share of it and every better one (0–1, four decimals). */
  costShare: z.number(),
  cumulativeCostShare: z.number(),
  /** Cut: among the worst sources that together make up the asked share of the cost. */
  cut: z.boolean(),
});
export const ZRoiCut = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  percent: z.number().int(),
  baseCurrency: ZCurrencyCode,
  /** Sources that spent something in the period, best revenue per unit of cost first. */
  rows: z.array(ZRoiCutRow),
  totalCost: ZMoney,
  totalRevenue: ZMoney,
  /** The cost of the cut sources (the savings) and the revenue they brought (at risk). */
  cutCost: ZMoney,
  revenueAtRisk: ZMoney,
});
export type TRoiCut = z.infer<typeof ZRoiCut>;
