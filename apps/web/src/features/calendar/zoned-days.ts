/**
 * Calendar days in the user's time zone, written `YYYY-MM-DD`. The profile's zone may differ from
 * the browser's, so days are never taken from `Date`'s local getters.
 */

function parts(date: Date, timeZone: string): Record<string, number> {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    // An unknown zone stored long ago must not break the page.
    format = new Intl.DateTimeFormat('en-US', options);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(date)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

const pad = (value: number | undefined, length = 2) => String(value ?? 0).padStart(length, '0');

/** The day an instant falls on in `timeZone`. */
export function dayOf(iso: string | Date, timeZone: string): string {
  const p = parts(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Today in `timeZone`. */
export function todayIn(timeZone: string): string {
  return dayOf(new Date(), timeZone);
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + count)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant (ISO, UTC) at which `day` begins in `timeZone`; right across daylight-saving changes. */
export function startOfDay(day: string, timeZone: string): string {
  const wanted = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (instant: number) => {
    const p = parts(new Date(instant), timeZone);
    return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, (p.hour ?? 0) % 24, p.minute ?? 0, p.second ?? 0) - instant;
  };
  // The zone's offset at a first guess, then again at the result.
  let instant = wanted - offsetAt(wanted);
  instant = wanted - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** The minutes since the day's start an instant shows on a clock in `timeZone`. */
export function minutesOfDay(iso: string, timeZone: string): number {
  const p = parts(new Date(iso), timeZone);
  return ((p.hour ?? 0) % 24) * 60 + (p.minute ?? 0);
}
