import type { TCreateQuoteInput, TLocale, TProduct, TQuote, TSalesLineInput } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';
import { type LineAmounts, normalizeAmount } from './money.ts';

/** A line while it is edited: a catalogue product's, or free text. */
export type LineFormValues = {
  productId: string | null;
  /** The product's name and SKU, shown on its line. */
  productName?: string;
  /** Its prices per list, for the running totals; the server prices it. */
  prices?: TProduct['prices'];
  description?: string;
  quantity?: string;
  unit?: string;
  /** Typed by the user: for a product it overrides the list's price. */
  unitPrice?: string;
  discountPercent?: string;
  vatRate?: string;
};

/** What the quote editor holds. */
export type QuoteFormValues = {
  companyId?: string | null;
  contactId?: string | null;
  dealId?: string | null;
  priceListId?: string | null;
  language?: TLocale;
  validUntil?: Dayjs | null;
  notes?: string | null;
  lines?: LineFormValues[];
};

const typed = (value: string | undefined) => (value?.trim() ? value.trim().replace(',', '.') : undefined);

/** A new line for a product picked from the catalogue: one of it, at the list's price. */
export function productLine(product: TProduct): LineFormValues {
  return {
    productId: product.id,
    productName: product.sku ? `${product.name} · ${product.sku}` : product.name,
    prices: product.prices,
    quantity: '1',
    unit: product.unit,
    vatRate: product.vatRate,
  };
}

/** A new free-text line. */
export function freeLine(): LineFormValues {
  return { productId: null, quantity: '1', vatRate: '0' };
}

/** The price a line will have: the one typed, else its product's in the price list. */
export function linePrice(line: LineFormValues, priceListId: string | null | undefined): string | undefined {
  return typed(line.unitPrice) ?? line.prices?.find((price) => price.priceListId === priceListId)?.price;
}

/** The lines as the running totals read them. */
export function lineAmounts(lines: LineFormValues[], priceListId: string | null | undefined): LineAmounts[] {
  return lines.map((line) => ({
    quantity: typed(line.quantity) ?? '',
    unitPrice: linePrice(line, priceListId) ?? '',
    discountPercent: typed(line.discountPercent),
    vatRate: typed(line.vatRate),
  }));
}

/** One line as the API takes it: a product line sends only what the user set, for the server to fill in the rest. */
function toLineInput(line: LineFormValues): TSalesLineInput {
  const unitPrice = line.unitPrice?.trim() ? (normalizeAmount(line.unitPrice) ?? line.unitPrice.trim()) : undefined;
  const discountPercent = typed(line.discountPercent);
  const description = line.description?.trim() || undefined;
  if (line.productId) {
    return { productId: line.productId, quantity: typed(line.quantity) ?? '', description, unitPrice, discountPercent };
  }
  return {
    description,
    quantity: typed(line.quantity) ?? '',
    unit: line.unit?.trim() || undefined,
    unitPrice,
    discountPercent,
    vatRate: typed(line.vatRate),
  };
}

/** The editor's values as `POST /quotes` takes them; undefined fields are left out of the JSON. */
export function toQuoteInput(values: QuoteFormValues): TCreateQuoteInput {
  return {
    companyId: values.companyId ?? '',
    contactId: values.contactId ?? null,
    dealId: values.dealId ?? null,
    priceListId: values.priceListId ?? null,
    language: values.language,
    validUntil: values.validUntil ? values.validUntil.format('YYYY-MM-DD') : null,
    notes: values.notes?.trim() ? values.notes.trim() : null,
    lines: (values.lines ?? []).map(toLineInput),
  };
}

/** A draft quote, ready for the editor: its stored prices stay as they are. */
export function toQuoteFormValues(quote: TQuote): QuoteFormValues {
  return {
    companyId: quote.company.id,
    contactId: quote.contact?.id ?? null,
    dealId: quote.deal?.id ?? null,
    priceListId: quote.priceListId,
    language: quote.language,
    // dayjs reads `YYYY-MM-DD` as local midnight of that day: the day shown is the day stored.
    validUntil: quote.validUntil ? dayjs(quote.validUntil) : null,
    notes: quote.notes,
    lines: quote.lines.map((line) => ({
      productId: line.product?.id ?? null,
      productName: line.product ? (line.product.sku ? `${line.product.name} · ${line.product.sku}` : line.product.name) : undefined,
      description: line.product && line.description === line.product.name ? '' : line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      discountPercent: Number(line.discountPercent) ? line.discountPercent : '',
      vatRate: line.vatRate,
    })),
  };
}
