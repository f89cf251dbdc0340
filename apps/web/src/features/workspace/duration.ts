export type TimeUnit = 'hours' | 'days';

const MINUTES_IN: Record<TimeUnit, number> = { hours: 60, days: 24 * 60 };

/** Minutes as the number of `unit` a person would type, to two decimals (90 → 1.5 hours). */
export function fromMinutes(minutes: number, unit: TimeUnit): number {
  return Math.round((minutes / MINUTES_IN[unit]) * 100) / 100;
}

/** The unit that shows minutes best: days when they are whole days, else hours (2880 → days, 90 → hours). */
export function unitOf(minutes: number): TimeUnit {
  return minutes > 0 && minutes % MINUTES_IN.days === 0 ? 'days' : 'hours';
}

/** What a person typed, in whole minutes; null when nothing above zero was typed. */
export function toMinutes(amount: number | null | undefined, unit: TimeUnit): number | null {
  if (amount === null || amount === undefined || !(amount > 0)) return null;
  return Math.round(amount * MINUTES_IN[unit]);
}
