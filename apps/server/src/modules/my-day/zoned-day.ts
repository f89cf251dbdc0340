// Making a formatter costs far more than using one: one of each kind per zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

/** Today's date (YYYY-MM-DD) as a clock in `timeZone` reads it at `now`; UTC's for an unknown zone. */
export function dayIn(timeZone: string, now: Date): string {
  const format = (zone: string) =>
    formatOf(
      dayFormats,
      zone,
      () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    ).format(now);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/** The date `count` days after `day` (both YYYY-MM-DD). */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10);
}

/** How far ahead of UTC a clock in `timeZone` is at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const clock = formatOf(
    clockFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      }),
  );
  const parts = clock.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a day starts in `timeZone` (its first moment, right across a daylight-saving change). */
export function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(year, month - 1, date);
  let zone = timeZone;
  try {
    offsetAt(wanted, zone);
  } catch {
    zone = 'UTC';
  }
  // The zone's offset at a first guess, then again at the result.
  let instant = wanted - offsetAt(wanted, zone);
  instant = wanted - offsetAt(instant, zone);
  return new Date(instant);
}
