import type { TLocale } from '@clientela/contract';

const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' };

/** A file's size for the user's language, in the unit that reads best: "0.1 kB", "12,5 kB", "3.4 MB". */
export function formatFileSize(bytes: number, locale: TLocale): string {
  // Below a kilobyte still in kilobytes: CLDR's short byte unit reads oddly ("45 byte").
  const [value, unit] =
    bytes < 1024 * 1024
      ? [bytes === 0 ? 0 : Math.max(bytes / 1024, 0.1), 'kilobyte']
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'megabyte']
        : [bytes / 1024 ** 3, 'gigabyte'];
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
