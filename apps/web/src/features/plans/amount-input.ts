import type { TLocale } from '@clientela/contract';
import { fromCents, toCents } from './plan-grid.ts';

const INTL = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

/** The language's thousands and decimal separators ("," and "." in English, " " and "," in Russian). */
function separators(locale: TLocale) {
  const parts = new Intl.NumberFormat(INTL[locale]).formatToParts(1234567.5);
  return { group: parts.find((p) => p.type === 'group')?.value ?? '', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** An amount ("12500.5") as the language writes it with two decimals: "12,500.50", "12 500,50", "12.500,50". */
export function formatAmount(value: string | undefined, locale: TLocale): string {
  if (value === undefined || !/^\d+(\.\d*)?$/.test(value)) return value ?? '';
  const { group, decimal } = separators(locale);
  const [whole = '0', fraction = '00'] = fromCents(toCents(value)).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${decimal}${fraction}`;
}

/**
 * What was typed back to an amount the API takes: spaces and thousands separators dropped, the
 * decimal comma made a point. Where the comma is the decimal, a point is a thousands separator
 * only in a number written in groups of three ("1.000"); otherwise it is taken as the decimal.
 */
export function parseAmount(text: string | undefined, locale: TLocale): string {
  const typed = (text ?? '').replace(/[\s']/g, '');
  if (separators(locale).decimal !== ',') return typed.replaceAll(',', '');
  if (typed.includes(',')) return typed.replaceAll('.', '').replace(',', '.');
  return /^\d{1,3}(\.\d{3})+$/.test(typed) ? typed.replaceAll('.', '') : typed;
}
