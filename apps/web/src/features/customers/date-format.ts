import { formatCalendarDate, formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';

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
