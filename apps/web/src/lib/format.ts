import type { TLocale } from '@clientela/contract';

/** BCP 47 tags used for Intl formatting of each UI language. */
const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' };

type Style = 'date' | 'dateTime';

/** Formats an ISO instant for the user's language and time zone. */
export function formatInstant(iso: string, locale: TLocale, timeZone: string, style: Style = 'dateTime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone }).format(date);
  } catch {
    // An unknown zone stored long ago must not break the page.
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(date);
  }
}

/** Initials for an avatar: "Anna Rossi" -> "AR". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters
    .map((part) => part?.[0] ?? '')
    .join('')
    .toUpperCase();
}

/** Formats a calendar date (`YYYY-MM-DD`, e.g. a birthday) for the user's language; no time zone can shift it. */
export function formatCalendarDate(ymd: string, locale: TLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  // Read as midnight UTC and formatted in UTC: the day stays the one stored.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Formats a plain number for the user's language: "1 234,5" in Russian, "1,234.5" in English. */
export function formatNumber(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 6 }).format(value);
}

/** Formats an amount in an ISO currency for the user's language: "1 234,50 ₽" in Russian, "€1,234.50" in English. */
export function formatMoney(value: number, currency: string, locale: TLocale): string {
  try {
    return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency }).format(value);
  } catch {
    // A code Intl does not know must not break the page.
    return `${formatNumber(value, locale)} ${currency}`;
  }
}

/** Formats a size in bytes as megabytes for the user's language: "50 MB", "50 МБ". */
export function formatMegabytes(bytes: number, locale: TLocale): string {
  const megabytes = bytes / (1024 * 1024);
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
}

/** Formats a whole percentage for the user's language: "25%", "25 %". */
export function formatPercent(percent: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** The decimal separator of each language, for number inputs (antd's InputNumber does not read it from the locale). */
export const DECIMAL_SEPARATOR = { en: '.', ru: ',', it: ',' } as const satisfies Record<TLocale, string>;
