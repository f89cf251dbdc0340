import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';

/** BCP 47 tags of each UI language, as lib/format.ts uses them. */
const INTL_LOCALE = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

/**
 * The user's formatters, plus `when`: the time alone for an instant of `today` (the day in the
 * user's time zone), the date and time otherwise.
 */
export function useDayFormat(today: string | undefined) {
  const me = useMe();
  const format = useFormatters();
  const timeOf = (iso: string) => {
    const options: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(INTL_LOCALE[format.locale], { ...options, timeZone: me.timeZone }).format(new Date(iso));
    } catch {
      return new Intl.DateTimeFormat(INTL_LOCALE[format.locale], options).format(new Date(iso));
    }
  };
  const dayOf = (iso: string) => {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: me.timeZone }).format(new Date(iso));
    } catch {
      return iso.slice(0, 10);
    }
  };
  return {
    ...format,
    time: timeOf,
    when: (iso: string) => (today && dayOf(iso) === today ? timeOf(iso) : format.dateTime(iso)),
  };
}
