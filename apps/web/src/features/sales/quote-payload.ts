import type { TCreateQuoteInput, TLocale, TQuote } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';
import { type LineFormValues, toLineFormValues, toLineInput } from './line-payload.ts';

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
    lines: quote.lines.map(toLineFormValues),
  };
}
