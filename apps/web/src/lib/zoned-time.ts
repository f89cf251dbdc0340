import dayjs, { type Dayjs } from 'dayjs';

type Clock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** What a clock in `timeZone` reads at `date`; the browser's own zone when `timeZone` is unknown. */
function clockIn(date: Date, timeZone: string): Clock {
  let parts: Intl.DateTimeFormatPart[];
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  };
  try {
    parts = new Intl.DateTimeFormat('en-US', { ...options, timeZone }).formatToParts(date);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', options).formatToParts(date);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const asUtc = (clock: Clock) => Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/**
 * A date picker's value for an instant, reading as the clock in the user's time zone reads.
 * Pickers work in the browser's zone; the user's profile may name another one, in which
 * everything else on the page is shown.
 */
export function toZonedPickerValue(iso: string, timeZone: string): Dayjs {
  const clock = clockIn(new Date(iso), timeZone);
  return dayjs(new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
}

/** The instant (ISO, UTC) a picker value means, its clock reading taken in the user's time zone. */
export function fromZonedPickerValue(value: Dayjs, timeZone: string): string {
  const wanted = Date.UTC(value.year(), value.month(), value.date(), value.hour(), value.minute(), value.second());
  const offsetAt = (instant: number) => asUtc(clockIn(new Date(instant), timeZone)) - instant;
  // The zone's offset at a first guess, then again at the result: right across a DST change.
  let instant = wanted - offsetAt(wanted);
  instant = wanted - offsetAt(instant);
  return new Date(instant).toISOString();
}

/**
 * Now, as a picker value in the user's time zone. Its seconds stay, though the picker shows
 * minutes: what is logged "now" then sorts after what happened earlier in the same minute.
 */
export function nowInZone(timeZone: string): Dayjs {
  return toZonedPickerValue(new Date().toISOString(), timeZone);
}
