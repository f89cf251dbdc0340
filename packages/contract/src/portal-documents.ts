import { z } from 'zod';
import { ZCaseStatus } from './cases.ts';
import { ZDay, ZId } from './common.ts';
import { ZCurrencyCode } from './currencies.ts';
import { ZOrderStatus } from './sales.ts';

// What a customer sees of their orders, quotes and surveys in the portal: exactly these fields
// leave the server (no owner, unit, deal, credit override, internal notes of an order, base amounts).

const ZPortalCompanyRef = z.object({ id: ZId, name: z.string() });

/** `?limit=&cursor=` of the portal's lists. */
export const ZPortalListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type TPortalListQuery = z.infer<typeof ZPortalListQuery>;

/** A line of an order or a quote as the customer reads it; the total includes VAT. */
export const ZPortalDocumentLine = z.object({
  position: z.number().int(),
  /** The product's name as written on the document. */
  name: z.string(),
  sku: z.string().nullable(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  vatRate: z.string(),
  total: z.string(),
});
export type TPortalDocumentLine = z.infer<typeof ZPortalDocumentLine>;

export const ZPortalOrder = z.object({
  id: ZId,
  number: z.string(),
  status: ZOrderStatus,
  orderedOn: ZDay,
  company: ZPortalCompanyRef,
  currency: ZCurrencyCode,
  net: z.string(),
  vat: z.string(),
  total: z.string(),
  /** Invoiced and paid so far, in the order's currency. */
  invoiced: z.string(),
  paid: z.string(),
});
export type TPortalOrder = z.infer<typeof ZPortalOrder>;

export const ZPortalOrderDetail = ZPortalOrder.extend({
  /** The quote it came from, when the customer may see it. */
  quote: z.object({ id: ZId, number: z.string(), version: z.number().int() }).nullable(),
  lines: z.array(ZPortalDocumentLine),
});
export type TPortalOrderDetail = z.infer<typeof ZPortalOrderDetail>;

/** What a customer sees of a quote: it has been sent to them (drafts stay with staff). */
export const PORTAL_QUOTE_STATUSES = ['sent', 'accepted', 'rejected', 'expired'] as const;
export const ZPortalQuoteStatus = z.enum(PORTAL_QUOTE_STATUSES);
export type TPortalQuoteStatus = z.infer<typeof ZPortalQuoteStatus>;

export const ZPortalQuote = z.object({
  id: ZId,
  number: z.string(),
  version: z.number().int(),
  status: ZPortalQuoteStatus,
  issuedOn: ZDay,
  validUntil: ZDay.nullable(),
  company: ZPortalCompanyRef,
  currency: ZCurrencyCode,
  net: z.string(),
  vat: z.string(),
  total: z.string(),
});
export type TPortalQuote = z.infer<typeof ZPortalQuote>;

export const ZPortalQuoteDetail = ZPortalQuote.extend({
  /** The notes printed on the proposal. */
  notes: z.string().nullable(),
  lines: z.array(ZPortalDocumentLine),
  /** `GET /api/portal/quotes/:id/pdf`. */
  pdfUrl: z.string(),
});
export type TPortalQuoteDetail = z.infer<typeof ZPortalQuoteDetail>;

export const ZPortalOrderList = z.object({ data: z.array(ZPortalOrder), nextCursor: z.string().nullable(), total: z.number().int() });
export type TPortalOrderList = z.infer<typeof ZPortalOrderList>;
export const ZPortalQuoteList = z.object({ data: z.array(ZPortalQuote), nextCursor: z.string().nullable(), total: z.number().int() });
export type TPortalQuoteList = z.infer<typeof ZPortalQuoteList>;

/** A survey the customer was invited to: the public survey page answers `link`. */
export const ZPortalSurvey = z.object({
  title: z.string(),
  /** When the invitation was sent. */
  sentAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** `/s/<token>`: the customer's personal link. */
  link: z.string(),
});
export type TPortalSurvey = z.infer<typeof ZPortalSurvey>;

/** Surveys waiting for an answer (open, not answered yet), and those answered, newest first. */
export const ZPortalSurveys = z.object({ waiting: z.array(ZPortalSurvey), answered: z.array(ZPortalSurvey) });
export type TPortalSurveys = z.infer<typeof ZPortalSurveys>;

/** The dedicated manager of a customer whose company has that relationship style. */
export const ZPortalManager = z.object({
  name: z.string(),
  email: z.string(),
  /** Null while the manager's record keeps no phone. */
  phone: z.string().nullable(),
  /** The company they look after for the customer. */
  company: ZPortalCompanyRef,
});
export type TPortalManager = z.infer<typeof ZPortalManager>;
export const ZPortalManagerResponse = ZPortalManager.nullable();

/** A case on the portal's first page. */
export const ZPortalHomeCase = z.object({
  id: ZId,
  number: z.string(),
  subject: z.string(),
  status: ZCaseStatus,
  createdAt: z.iso.datetime(),
});
export type TPortalHomeCase = z.infer<typeof ZPortalHomeCase>;

/** Everything the portal's first page shows, in one call. */
export const ZPortalHome = z.object({
  cases: z.object({
    /** Cases still being handled. */
    open: z.number().int(),
    /** Cases waiting for the customer's answer. */
    waitingForYou: z.number().int(),
    latest: z.array(ZPortalHomeCase),
  }),
  orders: z.array(ZPortalOrder),
  surveys: z.array(ZPortalSurvey),
  manager: ZPortalManager.nullable(),
});
export type TPortalHome = z.infer<typeof ZPortalHome>;
