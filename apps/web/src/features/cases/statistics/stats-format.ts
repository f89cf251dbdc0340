import type { TLocale } from '@clientela/contract';
import { formatNumber } from '../../../lib/format.ts';

const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' };

/** A share (0–1) as a percentage for the user's language, one decimal at most: "87.5%", "87,5 %". */
export function formatShare(share: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Hours with one decimal at most, for the user's language. */
export const formatHours = (hours: number, locale: TLocale) => formatNumber(Math.round(hours * 10) / 10, locale);
