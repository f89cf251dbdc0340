import { z } from 'zod';
import { attributionInputFields, ZAttribution } from './campaigns.ts';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

/** An open stage is still being worked; a won or lost stage closes the deal. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const ZStageKind = z.enum(STAGE_KINDS);
export type TStageKind = z.infer<typeof ZStageKind>;

/** Fields a stage can require before a deal enters it. `lostReasonId` only makes sense on a lost stage. */
export const DEAL_REQUIRED_FIELDS = ['amount', 'expectedCloseOn', 'companyId', 'contactId', 'source', 'lostReasonId'] as const;
export const ZDealRequiredField = z.enum(DEAL_REQUIRED_FIELDS);
export type TDealRequiredField = z.infer<typeof ZDealRequiredField>;

export const ZPipelineStage = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  /** The chance, 0–100 %, that a deal in this stage is won; a deal may have its own. */
  probability: z.number().int().min(0).max(100),
  kind: ZStageKind,
  requiredFields: z.array(ZDealRequiredField),
});
export type TPipelineStage = z.infer<typeof ZPipelineStage>;

export const ZPipeline = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  /** Where new deals go unless told otherwise. One per workspace. */
  isDefault: z.boolean(),
  active: z.boolean(),
  stages: z.array(ZPipelineStage),
});
export type TPipeline = z.infer<typeof ZPipeline>;
export const ZPipelineList = z.object({ data: z.array(ZPipeline) });

const ZStageInput = z.strictObject({
  /** An existing stage keeps its deals and history; a stage without an id is new. */
  id: ZId.optional(),
  name: text(80).min(1),
  probability: z.number().int().min(0).max(100),
  kind: ZStageKind,
  requiredFields: z.array(ZDealRequiredField).max(DEAL_REQUIRED_FIELDS.length).optional(),
});

/**
 * A pipeline's stages in order: at least one open, one won and one lost. Stages left out of an
 * update are removed, which is refused (409 `stage_has_deals`) while deals are in them.
 */
export const ZCreatePipelineInput = z.strictObject({
  name: text(120).min(1),
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
  stages: z.array(ZStageInput).min(3).max(30),
});
export type TCreatePipelineInput = z.infer<typeof ZCreatePipelineInput>;
export const ZUpdatePipelineInput = ZCreatePipelineInput.partial();
export type TUpdatePipelineInput = z.infer<typeof ZUpdatePipelineInput>;

export const ZLostReason = z.object({ id: ZId, name: z.string(), active: z.boolean() });
export type TLostReason = z.infer<typeof ZLostReason>;
export const ZLostReasonList = z.object({ data: z.array(ZLostReason) });
export const ZCreateLostReasonInput = z.strictObject({ name: text(120).min(1), active: z.boolean().optional() });
export type TCreateLostReasonInput = z.infer<typeof ZCreateLostReasonInput>;
export const ZUpdateLostReasonInput = ZCreateLostReasonInput.partial();

export const ZDeal = z.object({
  id: ZId,
  title: z.string(),
  pipelineId: ZId,
  stage: z.object({ id: ZId, name: z.string(), kind: ZStageKind }),
  company: ZRef.nullable(),
  contact: ZRef.nullable(),
  owner: ZRef.nullable(),
  unitId: ZId.nullable(),
  source: z.string().nullable(),
  /** The catalogue product the deal is mainly about, if any. */
  product: ZRef.nullable(),
  /** The amount in its own currency, a decimal string. */
  amount: z.string().nullable(),
  currency: ZCurrencyCode.nullable(),
  /**
   * The amount in the workspace's base currency at the rate of the deal's date (its close date
   * once closed, else its expected close date, else the day it was created); null while no rate
   * for that date is known.
   */
  amountBase: z.string().nullable(),
  baseCurrency: ZCurrencyCode,
  /** Its own chance of being won, or its stage's. */
  probability: z.number().int(),
  expectedCloseOn: ZDay.nullable(),
  closedOn: ZDay.nullable(),
  lostReason: ZRef.nullable(),
  lostNote: z.string().nullable(),
  /** When it entered its present stage. */
  stageEnteredAt: z.iso.datetime(),
  notes: z.string().nullable(),
  /**
   * Where the deal came from: its first touch (the lead it was converted from, else as given, else
   * its contact's or its company's when it was created) and the touch that converted it (the
   * lead's, or as given; a deal won without one takes its first touch).
   */
  attribution: ZAttribution,
  /** Whether the reader may change it, move it or remove it. */
  mayChange: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TDeal = z.infer<typeof ZDeal>;

const dealFields = {
  title: text(300).min(1),
  /** The default pipeline's first stage unless told. */
  pipelineId: ZId.optional(),
  stageId: ZId.optional(),
  companyId: ZId.nullable().optional(),
  contactId: ZId.nullable().optional(),
  /** The actor unless told. */
  ownerId: ZId.nullable().optional(),
  source: text(120).nullable().optional(),
  productId: ZId.nullable().optional(),
  amount: ZAmount.nullable().optional(),
  currency: ZCurrencyCode.nullable().optional(),
  probability: z.number().int().min(0).max(100).nullable().optional(),
  expectedCloseOn: ZDay.nullable().optional(),
  lostReasonId: ZId.nullable().optional(),
  lostNote: text(2_000).nullable().optional(),
  notes: text(10_000).nullable().optional(),
  /** Without a first touch, a new deal takes its contact's, else its company's. */
  ...attributionInputFields,
};

export const ZCreateDealInput = z.strictObject(dealFields);
export type TCreateDealInput = z.infer<typeof ZCreateDealInput>;
export const ZUpdateDealInput = z.strictObject({ ...dealFields, title: dealFields.title.optional() });
export type TUpdateDealInput = z.infer<typeof ZUpdateDealInput>;

/**
 * A card dropped on another column (`POST /deals/:id/move`). The fields the target stage requires
 * may come along; when one is still missing the answer is 400 `stage_requirements` naming each.
 */
export const ZMoveDealInput = z.strictObject({
  stageId: ZId,
  amount: ZAmount.optional(),
  currency: ZCurrencyCode.optional(),
  expectedCloseOn: ZDay.optional(),
  companyId: ZId.optional(),
  contactId: ZId.optional(),
  source: text(120).min(1).optional(),
  lostReasonId: ZId.optional(),
  lostNote: text(2_000).optional(),
});
export type TMoveDealInput = z.infer<typeof ZMoveDealInput>;

/** Stands for "without it" in the deals list's filters (no owner, product, unit, company or region). */
export const FILTER_NONE = 'none';
const ZIdOrNone = z.union([ZId, z.literal(FILTER_NONE)]);

export const DEAL_SORTS = ['stageEnteredAt', 'expectedCloseOn', 'amountBase', 'title', 'createdAt'] as const;

export const ZDealListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[pipelineId]': ZId.optional(),
  'filter[stageId]': ZId.optional(),
  /** open: in an open stage; won or lost: closed so. */
  'filter[status]': ZStageKind.optional(),
  /** An owner, or `none` for deals without one (as the filters below). */
  'filter[ownerId]': ZIdOrNone.optional(),
  'filter[companyId]': ZIdOrNone.optional(),
  'filter[contactId]': ZId.optional(),
  /** The branch (unit) the deal belongs to. */
  'filter[unitId]': ZIdOrNone.optional(),
  'filter[productId]': ZIdOrNone.optional(),
  /** The region of the deal's company; `none`: no company or a company without a region. */
  'filter[region]': z.string().trim().min(1).max(200).optional(),
  /** Closed on or after, on or before these days (both included): the deals behind a report's figure. */
  'filter[closedFrom]': ZDay.optional(),
  'filter[closedTo]': ZDay.optional(),
  /** Created on or after, on or before these days (both included) as the reader's calendar reads them. */
  'filter[createdFrom]': ZDay.optional(),
  'filter[createdTo]': ZDay.optional(),
  /**
   * Deals that reached this stage: entered it (or, for an open stage, a later open stage or a won
   * one) at some time, as the funnel report counts them.
   */
  'filter[reachedStageId]': ZId.optional(),
  /** A lost reason, or `none` for deals lost without one. */
  'filter[lostReasonId]': ZIdOrNone.optional(),
});
export type TDealListQuery = z.infer<typeof ZDealListQuery>;
export const ZDealList = listOf(ZDeal);

/** The board's first cards per stage, newest in the stage first, with each stage's count and sum. */
export const ZPipelineBoardQuery = z.strictObject({
  q: z.string().max(200).optional(),
  'filter[ownerId]': ZId.optional(),
  /** Cards per stage, 1–100 (50 unless told). */
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TPipelineBoardQuery = z.infer<typeof ZPipelineBoardQuery>;

export const ZPipelineBoard = z.object({
  pipeline: ZPipeline,
  baseCurrency: ZCurrencyCode,
  columns: z.array(
    z.object({
      stageId: ZId,
      count: z.number().int(),
      /** The stage's deals added up in the base currency. */
      sumBase: z.string(),
      /** Deals in the stage with an amount but no base value (no rate for their date yet). */
      withoutRate: z.number().int(),
      deals: z.array(ZDeal),
      /** `GET /deals?filter[stageId]=…&sort=-stageEnteredAt&cursor=…` for the next cards. */
      nextCursor: z.string().nullable(),
    }),
  ),
});
export type TPipelineBoard = z.infer<typeof ZPipelineBoard>;

/** A deal another record names (an activity, a task, an agreement), shown by its title. */
export const ZDealRef = z.object({ id: ZId, title: z.string() });
export type TDealRef = z.infer<typeof ZDealRef>;

/** A deal's way through the stages: kept for the funnel's analytics. */
export const ZDealStageChange = z.object({
  from: z.object({ id: ZId, name: z.string() }).nullable(),
  to: z.object({ id: ZId, name: z.string(), kind: ZStageKind }),
  at: z.iso.datetime(),
  by: ZRef.nullable(),
});
export type TDealStageChange = z.infer<typeof ZDealStageChange>;
export const ZDealStageHistory = z.object({ data: z.array(ZDealStageChange) });
