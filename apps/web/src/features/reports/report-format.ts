import type { TLocale } from '@clientela/contract';
import { formatMoney } from '../../lib/format.ts';

const INTL = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

/** A base-currency amount from its exact decimal string, in the user's format. */
export const money = (amount: string | null, currency: string, locale: TLocale) =>
  amount === null ? '' : formatMoney(Number(amount), currency, locale);

/** A percentage given with two decimals ("48.25"), in the user's format: "48.25%", "48,25 %". */
export function percent(value: string | null, locale: TLocale): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Number(value) / 100,
  );
}

/** A period key as people read it: "March 2017" for "2017-03"; quarters and years as they are. */
export function periodLabel(key: string, locale: TLocale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key.replace('-Q', ' Q');
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(INTL[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An axis's number the way the language writes it, shortened when large (12.000 → 12K, 1,2 Mln). */
export function compactNumber(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(locale, { notation: value >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(value);
}
