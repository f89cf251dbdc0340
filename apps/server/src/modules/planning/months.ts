import { type SQL, sql } from 'drizzle-orm';

/** A month as a number that counts months ("2026-03" → 2026 × 12 + 2), so months add and compare as integers. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** A month number back to "2026-03". */
export const monthKey = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The first day of a month number, "2026-03-01". */
export const monthStart = (index: number): string => `${monthKey(index)}-01`;

/** The last day of a month number, "2026-02-28". */
export const monthEnd = (index: number): string => `${monthKey(index)}-${String(daysIn(index)).padStart(2, '0')}`;

/** The months from one month number to another, both included, as keys. */
export const monthRange = (from: number, to: number): string[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => monthKey(from + i));

/** The day it is at this instant in the time zone, "2026-06-15". */
export function todayIn(now: Date, zone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** How many days a month number has. */
export const daysIn = (index: number): number => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();

/** The month number of a date or a local timestamp, in SQL. */
export const monthIndexSql = (value: SQL): SQL => sql`(extract(year FROM ${value})::int * 12 + extract(month FROM ${value})::int - 1)`;
