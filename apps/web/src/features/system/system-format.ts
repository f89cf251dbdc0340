import type { TLocale } from '@clientela/contract';

/** BCP 47 tags for Intl, as the rest of the app formats each UI language. */
const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' };

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in the largest unit under 1024 of it, for the user's language: "512 bytes", "3.4 MB", "1,2 ГБ". */
export function formatBytes(bytes: number, locale: TLocale): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

const DURATION_UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in its two largest whole units for the user's language: "3 days, 4 hr", "12 min, 5 sec";
 * under a minute, seconds with a tenth ("2.1 sec").
 */
export function formatDuration(seconds: number, locale: TLocale): string {
  const tag = INTL_LOCALE[locale];
  if (seconds < 60) {
    return new Intl.NumberFormat(tag, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      Math.max(0, seconds),
    );
  }
  let left = Math.floor(seconds);
  const counts: [(typeof DURATION_UNITS)[number][0], number][] = [];
  for (const [unit, size] of DURATION_UNITS) {
    const count = Math.floor(left / size);
    left -= count * size;
    if (count > 0 || counts.length > 0) counts.push([unit, count]);
    if (counts.length === 2) break;
  }
  // "5 min" rather than "5 min, 0 sec".
  const parts = counts
    .filter(([, count], index) => index === 0 || count > 0)
    .map(([unit, count]) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short' }).format(count));
  return new Intl.ListFormat(tag, { type: 'unit', style: 'short' }).format(parts);
}
