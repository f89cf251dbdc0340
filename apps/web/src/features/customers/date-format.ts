import { formatCalendarDate, formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';

/** How each language writes a day in a date field. */
export const DATE_INPUT_FORMAT = { en: 'DD/MM/YYYY', ru: 'DD.MM.YYYY', it: 'DD/MM/YYYY' } as const;

/** Formatters for the signed-in user's language and time zone. */
export function useFormatters() {
  const me = useMe();
  const { locale } = useLocale();
  return {
    locale,
    date: (iso: string) => formatInstant(iso, locale, me.timeZone, 'date'),
    dateTime: (iso: string) => formatInstant(iso, locale, me.timeZone),
    calendarDate: (ymd: string) => formatCalendarDate(ymd, locale),
  };
}
