import { z } from 'zod';
import { ZCasePriority, ZCaseStatus, ZCaseVerdict } from './cases.ts';
import { LIST_LIMIT_MAX, ZId } from './common.ts';
import { ZKbLanguage } from './kb.ts';

// The customer's cases and the public knowledge base in the portal (`/api/portal/cases`, `/api/portal/kb`).
// Output schemas list exactly what may leave the server: no owner, unit, SLA or internal note.

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

/** A case as the customer's list shows it. */
export const ZPortalCaseSummary = z.object({
  id: ZId,
  number: z.string(),
  subject: z.string(),
  status: ZCaseStatus,
  priority: ZCasePriority,
  type: ZRef,
  company: ZRef.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When the last message a customer may read was written. */
  lastMessageAt: z.iso.datetime().nullable(),
  /** Staff wait for the customer's answer. */
  waitingForYou: z.boolean(),
});
export type TPortalCaseSummary = z.infer<typeof ZPortalCaseSummary>;

/** `GET /api/portal/cases`: newest first; `state` keeps the open or the closed (resolved and closed) ones. */
export const ZPortalCaseListQuery = z.strictObject({
  state: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(20),
  cursor: z.string().max(200).optional(),
});
export type TPortalCaseListQuery = z.infer<typeof ZPortalCaseListQuery>;
export const ZPortalCaseList = z.object({ data: z.array(ZPortalCaseSummary), nextCursor: z.string().nullable() });
export type TPortalCaseList = z.infer<typeof ZPortalCaseList>;

/** One message of the conversation the customer sees: staff replies and the customers' own words. */
export const ZPortalCaseMessage = z.object({
  id: ZId,
  /** `reply`: written by staff; `customer`: written by the customer (or recorded for them). */
  kind: z.enum(['reply', 'customer']),
  body: z.string(),
  /** Who wrote it: a member of staff's or a contact's display name. */
  authorName: z.string().nullable(),
  /** True when the signed-in customer wrote it. */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TPortalCaseMessage = z.infer<typeof ZPortalCaseMessage>;

/** A file of a case, as the portal lists it. */
export const ZPortalCaseFile = z.object({
  id: ZId,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** True when a customer uploaded it. */
  fromCustomer: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TPortalCaseFile = z.infer<typeof ZPortalCaseFile>;

/** A case, whole, as the customer sees it. */
export const ZPortalCase = ZPortalCaseSummary.extend({
  description: z.string().nullable(),
  order: z.object({ id: ZId, number: z.string() }).nullable(),
  product: ZRef.nullable(),
  resolution: z.string().nullable(),
  verdict: ZCaseVerdict.nullable(),
  verdictReason: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  satisfaction: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  /** The customer may reply (a resolved case reopens; a closed one does not take replies). */
  mayReply: z.boolean(),
  /** The customer may rate it: resolved or closed, not rated yet. */
  mayRate: z.boolean(),
  messages: z.array(ZPortalCaseMessage),
  files: z.array(ZPortalCaseFile),
});
export type TPortalCase = z.infer<typeof ZPortalCase>;

/** `POST /api/portal/cases`: the company must be one of the customer's (or their only one). */
export const ZPortalCreateCaseInput = z.strictObject({
  subject: text(300).min(1),
  description: text(20_000).min(1),
  typeId: ZId.optional(),
  companyId: ZId.optional(),
  productId: ZId.optional(),
  orderId: ZId.optional(),
  priority: ZCasePriority.optional(),
});
export type TPortalCreateCaseInput = z.infer<typeof ZPortalCreateCaseInput>;

/** `POST /api/portal/cases/:id/messages`. */
export const ZPortalCaseMessageInput = z.strictObject({ body: text(20_000).min(1) });
export type TPortalCaseMessageInput = z.infer<typeof ZPortalCaseMessageInput>;

/** `POST /api/portal/cases/:id/rating`: once, after resolution. */
export const ZPortalCaseRatingInput = z.strictObject({
  satisfaction: z.number().int().min(1).max(5),
  comment: text(2_000).nullable().optional(),
});
export type TPortalCaseRatingInput = z.infer<typeof ZPortalCaseRatingInput>;

export const ZPortalCaseFileParams = z.strictObject({ id: ZId, attachmentId: ZId });

/** `GET /api/portal/case-options`: what the new-case form offers. */
export const ZPortalCaseOptions = z.object({
  types: z.array(ZRef),
  defaultTypeId: ZId.nullable(),
  companies: z.array(ZRef),
  orders: z.array(z.object({ id: ZId, number: z.string(), companyId: ZId.nullable(), date: z.string().nullable() })),
});
export type TPortalCaseOptions = z.infer<typeof ZPortalCaseOptions>;

/** `GET /api/portal/kb/search`: the workspace's public articles; without `q`, the newest. */
export const ZPortalKbSearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  /** `all`: articles with every word (the help page); `any`: with any of them, best first (suggestions for a request's subject). */
  match: z.enum(['all', 'any']).default('all'),
  language: ZKbLanguage.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type TPortalKbSearchQuery = z.infer<typeof ZPortalKbSearchQuery>;
