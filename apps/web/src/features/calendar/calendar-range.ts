import type { TCalendarEntry } from '@clientela/contract';
import { addDays, dayOf, startOfDay } from './zoned-days.ts';

export type CalendarView = 'week' | 'month';

const weekDay = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The first day of the week `day` is in, weeks starting on `weekStart` (0 Sunday, 1 Monday…). */
export function weekStartOf(day: string, weekStart: number): string {
  return addDays(day, -((weekDay(day) - weekStart + 7) % 7));
}

/** The days a view shows around `anchor`: its week (7), or the 6 weeks of its month's grid (42), as antd's calendar lays them out. */
export function daysOfView(view: CalendarView, anchor: string, weekStart: number): string[] {
  const first = view === 'week' ? weekStartOf(anchor, weekStart) : weekStartOf(`${anchor.slice(0, 7)}-01`, weekStart);
  return Array.from({ length: view === 'week' ? 7 : 42 }, (_, index) => addDays(first, index));
}

/** The instants the API is asked for: from the first day's start to the end of the last one, in the user's zone. */
export function rangeOf(days: readonly string[], timeZone: string): { from: string; to: string } {
  const first = days[0] ?? '1970-01-01';
  const last = days[days.length - 1] ?? first;
  return { from: startOfDay(first, timeZone), to: startOfDay(addDays(last, 1), timeZone) };
}

/** The anchor one view later (or earlier, with `step` -1). */
export function moveAnchor(view: CalendarView, anchor: string, step: 1 | -1): string {
  if (view === 'week') return addDays(anchor, 7 * step);
  const [year = 1970, month = 1] = anchor.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + step, 1)).toISOString().slice(0, 10);
}

/**
 * Entries by the day they show on. A timed entry shows on the day it starts in the user's zone;
 * an all-day one on its calendar days as written (a contract's end date is the same day anywhere).
 */
export function entriesByDay(entries: readonly TCalendarEntry[], timeZone: string): Map<string, TCalendarEntry[]> {
  const byDay = new Map<string, TCalendarEntry[]>();
  const put = (day: string, entry: TCalendarEntry) => byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  for (const entry of entries) {
    if (entry.allDay) {
      const first = entry.start.slice(0, 10);
      const end = entry.end.slice(0, 10);
      // The end is exclusive; a view never shows more than 62 days.
      for (let day = first, count = 0; count === 0 || (day < end && count < 62); day = addDays(day, 1), count += 1) put(day, entry);
    } else {
      put(dayOf(entry.start, timeZone), entry);
    }
  }
  for (const list of byDay.values()) {
    list.sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  }
  return byDay;
}
