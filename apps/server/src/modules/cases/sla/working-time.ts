import { DateTime } from 'luxon';

/** Working hours as stored: intervals per weekday (0 = Sunday) in minutes from midnight, in a time zone, with days off. */
export type CalendarHours = {
  timeZone: string;
  hours: readonly { day: number; from: number; to: number }[];
  holidays: readonly string[];
};

/** A calendar ready for counting: each local day's working intervals as instants, computed once per day. */
export type WorkingClock = {
  readonly timeZone: string;
  /** Per weekday, the merged intervals in local minutes. */
  readonly week: readonly (readonly [number, number])[][];
  readonly holidays: ReadonlySet<string>;
  /** Local day number (days since 1970-01-01 as a date) → that day's intervals in epoch milliseconds. */
  readonly days: Map<number, readonly (readonly [number, number])[]>;
};

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far the counting looks before it gives up (a calendar of holidays only). */
const MAX_DAYS = 366 * 5;

/** Compiles a calendar; null (no calendar, or no working hours at all) counts every minute (24/7). */
export function workingClock(calendar: CalendarHours | null): WorkingClock | null {
  if (!calendar || calendar.hours.length === 0) return null;
  const timeZone = DateTime.now().setZone(calendar.timeZone).isValid ? calendar.timeZone : 'UTC';
  const week = Array.from({ length: 7 }, (_, day) =>
    merge(calendar.hours.filter((h) => h.day === day).map((h) => [h.from, h.to] as const)),
  );
  return { timeZone, week, holidays: new Set(calendar.holidays), days: new Map() };
}

/** Sorted intervals with overlapping or touching ones joined. */
function merge(intervals: (readonly [number, number])[]): [number, number][] {
  const sorted = intervals.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The local day number of an instant in the clock's zone. */
function dayOf(clock: WorkingClock, ms: number): number {
  const local = DateTime.fromMillis(ms, { zone: clock.timeZone });
  return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY);
}

/** A local day's working intervals as instants [start, end), DST-correct (a skipped hour is not worked, a repeated one is). */
function intervalsOn(clock: WorkingClock, day: number): readonly (readonly [number, number])[] {
  const cached = clock.days.get(day);
  if (cached) return cached;
  const date = new Date(day * DAY);
  const iso = date.toISOString().slice(0, 10);
  const local = (localDay: number, minute: number) => {
    const d = new Date(localDay * DAY);
    const at = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    return DateTime.fromObject({ ...at, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: clock.timeZone }).toMillis();
  };
  // 24:00 is the next day's midnight, which DST may have moved.
  const at = (minute: number) => (minute >= 1440 ? local(day + 1, 0) : local(day, minute));
  const intervals = clock.holidays.has(iso)
    ? []
    : (clock.week[date.getUTCDay()] ?? []).map(([from, to]) => [at(from), at(to)] as const).filter(([a, b]) => b > a);
  if (clock.days.size > 5000) clock.days.clear();
  clock.days.set(day, intervals);
  return intervals;
}

/**
 * The instant `minutes` working minutes after `start` (before it when negative). A due time that
 * falls exactly at the end of a working interval is that end, not the next morning.
 */
export function addWorkingMinutes(clock: WorkingClock | null, start: Date, minutes: number): Date {
  const from = start.getTime();
  if (!clock || minutes === 0) return new Date(from + minutes * MINUTE);
  let left = Math.abs(minutes) * MINUTE;
  let day = dayOf(clock, from);
  const step = minutes > 0 ? 1 : -1;
  for (let i = 0; i < MAX_DAYS; i += 1, day += step) {
    const intervals = intervalsOn(clock, day);
    if (step > 0) {
      for (const [a, b] of intervals) {
        const s = Math.max(a, from);
        if (b <= s) continue;
        if (b - s >= left) return new Date(s + left);
        left -= b - s;
      }
    } else {
      for (let k = intervals.length - 1; k >= 0; k -= 1) {
        const [a, b] = intervals[k] as readonly [number, number];
        const e = Math.min(b, from);
        if (e <= a) continue;
        if (e - a >= left) return new Date(e - left);
        left -= e - a;
      }
    }
  }
  return new Date(from + minutes * MINUTE);
}

/** Working minutes from `from` to `to` (negative when `to` is earlier), fractions included. */
export function workingMinutesBetween(clock: WorkingClock | null, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingMinutesBetween(clock, to, from);
  if (!clock) return (b - a) / MINUTE;
  let total = 0;
  const last = dayOf(clock, b);
  for (let day = dayOf(clock, a); day <= last; day += 1) {
    for (const [s, e] of intervalsOn(clock, day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total / MINUTE;
}

/** Whole minutes, rounded away from zero: half a minute left is "1 minute", half a minute late is "-1". */
export const wholeMinutes = (minutes: number): number => (minutes >= 0 ? Math.ceil(minutes) : -Math.ceil(-minutes));
