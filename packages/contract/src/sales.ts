import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZDay, ZId, ZLocale } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';
import { ZVatRate } from './products.ts';

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

/** A quantity with up to three decimals ("12", "2.5", "0.125"), above zero. */
export const ZQuantity = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, 'A quantity with at most three decimals')
  .refine((value) => Number(value) > 0, 'A quantity above zero');

/** A discount in percent, 0–100 with up to two decimals. */
export const ZDiscount = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'A percentage from 0 to 100')
  .refine((value) => Number(value) <= 100, 'A percentage from 0 to 100');

/**
 * A line of a quote or an order. Net = quantity × unit price less the discount, VAT on the net,
 * each rounded to cents by PostgreSQL's numeric; the document's totals add its lines.
 */
export const ZSalesLine = z.object({
  id: ZId,
  position: z.number().int(),
  product: z.object({ id: ZId, name: z.string(), sku: z.string().nullable() }).nullable(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  vatRate: z.string(),
  net: z.string(),
  vat: z.string(),
  total: z.string(),
});
export type TSalesLine = z.infer<typeof ZSalesLine>;

/**
 * A line to write. With a product, what is left out comes from it: its name, unit, VAT rate, and
 * its price in the document's price list (400 naming `lines.N.unitPrice` when it has none there).
 */
export const ZSalesLineInput = z.strictObject({
  productId: ZId.nullable().optional(),
  description: text(500).optional(),
  quantity: ZQuantity,
  unit: text(30).min(1).optional(),
  unitPrice: ZAmount.optional(),
  discountPercent: ZDiscount.optional(),
  vatRate: ZVatRate.optional(),
});
export type TSalesLineInput = z.infer<typeof ZSalesLineInput>;

const ZTotals = {
  net: z.string(),
  vat: z.string(),
  total: z.string(),
  /** The total in the base currency at the rate of the document's date; null while no rate is known. */
  totalBase: z.string().nullable(),
  baseCurrency: ZCurrencyCode,
};

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export const ZQuoteStatus = z.enum(QUOTE_STATUSES);
export type TQuoteStatus = z.infer<typeof ZQuoteStatus>;

export const ZQuote = z.object({
  id: ZId,
  /** The same number for every version of one proposal ("Q-2026-0007"). */
  number: z.string(),
  version: z.number().int(),
  status: ZQuoteStatus,
  company: ZRef,
  contact: ZRef.nullable(),
  deal: z.object({ id: ZId, title: z.string() }).nullable(),
  owner: ZRef.nullable(),
  unitId: ZId.nullable(),
  priceListId: ZId.nullable(),
  currency: ZCurrencyCode,
  /** The customer's language: the PDF is written in it. */
  language: ZLocale,
  issuedOn: ZDay,
  validUntil: ZDay.nullable(),
  lines: z.array(ZSalesLine),
  ...ZTotals,
  notes: z.string().nullable(),
  /** The order it became, once accepted and converted. */
  orderId: ZId.nullable(),
  mayChange: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TQuote = z.infer<typeof ZQuote>;

export const ZCreateQuoteInput = z.strictObject({
  companyId: ZId,
  contactId: ZId.nullable().optional(),
  dealId: ZId.nullable().optional(),
  /** The default price list unless told; the currency is the list's. */
  priceListId: ZId.nullable().optional(),
  /** Without a price list: the base currency unless told. */
  currency: ZCurrencyCode.optional(),
  language: ZLocale.optional(),
  issuedOn: ZDay.optional(),
  validUntil: ZDay.nullable().optional(),
  notes: text(5_000).nullable().optional(),
  lines: z.array(ZSalesLineInput).min(1).max(200),
});
export type TCreateQuoteInput = z.infer<typeof ZCreateQuoteInput>;

/** Only a draft changes; a sent quote gets a new version instead (`POST /quotes/:id/versions`). */
export const ZUpdateQuoteInput = ZCreateQuoteInput.omit({ companyId: true }).partial();
export type TUpdateQuoteInput = z.infer<typeof ZUpdateQuoteInput>;

/** draft → sent → accepted | rejected | expired; a rejected or expired one may be sent again as a new version. */
export const ZQuoteStatusInput = z.strictObject({ status: ZQuoteStatus });

export const ZQuoteListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[status]': ZQuoteStatus.optional(),
  'filter[companyId]': ZId.optional(),
  'filter[dealId]': ZId.optional(),
});
export type TQuoteListQuery = z.infer<typeof ZQuoteListQuery>;
export const ZQuoteList = listOf(ZQuote);

export const ORDER_STATUSES = ['new', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

export const ZOrder = z.object({
  id: ZId,
  number: z.string(),
  status: ZOrderStatus,
  company: ZRef,
  contact: ZRef.nullable(),
  deal: z.object({ id: ZId, title: z.string() }).nullable(),
  quoteId: ZId.nullable(),
  /** The quote it came from, as its number and version. */
  quote: z.object({ id: ZId, number: z.string(), version: z.number().int() }).nullable(),
  owner: ZRef.nullable(),
  /** The branch that sells and ships it. */
  unit: ZRef.nullable(),
  priceListId: ZId.nullable(),
  currency: ZCurrencyCode,
  orderedOn: ZDay,
  lines: z.array(ZSalesLine),
  ...ZTotals,
  /** Invoiced so far, and paid so far, in the order's currency. */
  invoiced: z.string(),
  paid: z.string(),
  /** What the customer still owes on it: invoiced less paid. */
  receivable: z.string(),
  /** Recorded when a manager let it past the credit limit. */
  creditOverride: z.object({ by: ZRef, reason: z.string(), at: z.iso.datetime() }).nullable(),
  notes: z.string().nullable(),
  mayChange: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZCreateOrderInput = z.strictObject({
  companyId: ZId,
  contactId: ZId.nullable().optional(),
  dealId: ZId.nullable().optional(),
  /** The owner's unit unless told. */
  unitId: ZId.nullable().optional(),
  priceListId: ZId.nullable().optional(),
  currency: ZCurrencyCode.optional(),
  orderedOn: ZDay.optional(),
  notes: text(5_000).nullable().optional(),
  lines: z.array(ZSalesLineInput).min(1).max(500),
});
export type TCreateOrderInput = z.infer<typeof ZCreateOrderInput>;

/** Lines change while the order is new; the invoiced amount at any time before it is cancelled. */
export const ZUpdateOrderInput = z.strictObject({
  contactId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
  notes: text(5_000).nullable().optional(),
  lines: z.array(ZSalesLineInput).min(1).max(500).optional(),
  invoiced: ZAmount.optional(),
});
export type TUpdateOrderInput = z.infer<typeof ZUpdateOrderInput>;

/**
 * new → confirmed → shipped → delivered, or cancelled before delivery. Confirming or shipping an
 * order that puts its company or group over the credit limit answers 409 `credit_limit_exceeded`
 * naming each limit; a manager or admin passes with `overrideReason`, which is recorded.
 */
export const ZOrderStatusInput = z.strictObject({
  status: ZOrderStatus,
  overrideReason: text(1_000).min(3).optional(),
});
export type TOrderStatusInput = z.infer<typeof ZOrderStatusInput>;

export const ZOrderListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[status]': ZOrderStatus.optional(),
  'filter[companyId]': ZId.optional(),
  'filter[unitId]': ZId.optional(),
});
export type TOrderListQuery = z.infer<typeof ZOrderListQuery>;
export const ZOrderList = listOf(ZOrder);

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'card', 'other'] as const;

export const ZPayment = z.object({
  id: ZId,
  order: z.object({ id: ZId, number: z.string() }),
  company: ZRef,
  amount: z.string(),
  currency: ZCurrencyCode,
  paidOn: ZDay,
  /** The amount in the base currency at the rate of the day it was paid. */
  amountBase: z.string().nullable(),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TPayment = z.infer<typeof ZPayment>;

/** A payment against an order, in its currency; more than is still open on it is refused. */
export const ZCreatePaymentInput = z.strictObject({
  orderId: ZId,
  amount: ZAmount.refine((value) => Number(value) > 0, 'An amount above zero'),
  paidOn: ZDay.optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  reference: text(200).nullable().optional(),
});
export type TCreatePaymentInput = z.infer<typeof ZCreatePaymentInput>;

export const ZPaymentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[orderId]': ZId.optional(),
  'filter[companyId]': ZId.optional(),
});
export type TPaymentListQuery = z.infer<typeof ZPaymentListQuery>;
export const ZPaymentList = listOf(ZPayment);

/**
 * Where a company stands on credit, in the base currency. Exposure is what its confirmed, shipped
 * and delivered orders still leave unpaid; receivable is what it was invoiced and has not paid.
 * A group's exposure adds up its members'.
 */
export const ZCreditStatus = z.object({
  baseCurrency: ZCurrencyCode,
  limit: z.string().nullable(),
  exposure: z.string(),
  receivable: z.string(),
  group: z.object({ id: ZId, name: z.string(), limit: z.string().nullable(), exposure: z.string() }).nullable(),
});
export type TCreditStatus = z.infer<typeof ZCreditStatus>;

/** A credit limit in the base currency; null: none. Managers and admins set it. */
export const ZPutCreditLimitInput = z.strictObject({ limit: ZAmount.nullable() });
export type TPutCreditLimitInput = z.infer<typeof ZPutCreditLimitInput>;

/** Sales added up by branch, by product or by month (cancelled orders left out), in the base currency. */
export const ZSalesSummaryQuery = z.strictObject({
  groupBy: z.enum(['unit', 'product', 'month']),
  'filter[from]': ZDay.optional(),
  'filter[to]': ZDay.optional(),
  'filter[unitId]': ZId.optional(),
});
export type TSalesSummaryQuery = z.infer<typeof ZSalesSummaryQuery>;

export const ZSalesSummary = z.object({
  baseCurrency: ZCurrencyCode,
  rows: z.array(
    z.object({
      /** The branch or product (null: none), or the month as YYYY-MM. */
      key: z.string().nullable(),
      name: z.string().nullable(),
      orders: z.number().int(),
      /** With VAT, in the base currency at each order's rate. */
      totalBase: z.string(),
      /** Quantity sold, when grouped by product. */
      quantity: z.string().nullable(),
    }),
  ),
  /** Orders left out because no rate for their date is known yet. */
  withoutRate: z.number().int(),
});
export type TSalesSummary = z.infer<typeof ZSalesSummary>;
