import type { TKpiFigure, TKpiMeasure, TLocale } from '@clientela/contract';
import { formatMoney, formatNumber } from '../../lib/format.ts';

// The same tags as lib/format.ts uses for numbers, for the percentages and times of the board.
const INTL_LOCALE: Record<TLocale, string> = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' };

/** How a figure moved against the previous period: up, down, flat, or new (nothing before). */
export type Change = { direction: 'up' | 'down' | 'flat' | 'new'; percent: number | null };

/**
 * The change from `previous` to `current`, in whole percent. Amounts are compared in cents
 * (BigInt), so that two sums the server sent as decimal strings are never rounded against each other.
 */
export function changeOf(current: string | number, previous: string | number): Change {
  const cents = (value: string | number) => BigInt(Math.round(Number(value) * 100));
  const now = cents(current);
  const before = cents(previous);
  if (now === before) return { direction: 'flat', percent: before === 0n ? null : 0 };
  if (before === 0n) return { direction: now > 0n ? 'new' : 'down', percent: null };
  const percent = Number(((now - before) * 1000n) / (before < 0n ? -before : before)) / 10;
  return { direction: now > before ? 'up' : 'down', percent: Math.round(percent) };
}

/** A percentage for the user's language: "+25%" in English, "+25 %" in Russian. */
export function formatPercent(percent: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}

/** A count for the user's language ("1 234" in Russian). */
export const formatCount = (count: number, locale: TLocale) => formatNumber(count, locale);

/** A base-currency sum sent by the API ("1250.50") for the user's language. */
export function formatSum(sum: string, currency: string, locale: TLocale): string {
  // Only for display: two decimals survive the conversion to a number exactly enough to print.
  return formatMoney(Number(sum), currency, locale);
}

/** The time of day of an instant in the user's zone ("14:05"). */
export function formatTime(iso: string, locale: TLocale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(new Date(iso));
  }
}

/** A step of a chart's axis: the hour ("14:00") for today, the day ("Mon 6") for a week or a month. */
export function formatStep(iso: string, step: 'hour' | 'day', locale: TLocale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    step === 'hour' ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric' };
  try {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(new Date(iso));
  }
}

/** The value a chart plots for a figure: the sum for money measures, else the count. */
export const plotted = (figure: Pick<TKpiFigure, 'count' | 'sum'>) => (figure.sum === null ? figure.count : Number(figure.sum));

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone; the browser's own for an unknown zone. */
export function dayIn(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { ...options, timeZone }).formatToParts(new Date(iso));
  } catch {
    parts = new Intl.DateTimeFormat('en-US', options).formatToParts(new Date(iso));
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The board's current period: from its start until now, and the zone whose calendar it follows. */
export type BoardPeriod = { from: string; to: string; timeZone: string };

/**
 * Where the records behind a measure are listed: new deals by the days they were created, won deals
 * by the days they were closed, in the board's period. The customers, quotes and cases lists have
 * no period filter yet, so those links open the list with the filters it has (status).
 */
export function drillDownUrl(measure: TKpiMeasure, ownerId?: string, period?: BoardPeriod): string {
  const days = period ? { from: dayIn(period.from, period.timeZone), to: dayIn(period.to, period.timeZone) } : undefined;
  const deals = (params: Record<string, string>) => {
    const query = new URLSearchParams({ view: 'list', ...params });
    if (ownerId) query.set('owner', ownerId);
    return `/deals?${query}`;
  };
  const cases = (params: Record<string, string>) => {
    const query = new URLSearchParams(params);
    if (ownerId) query.set('owner', ownerId);
    return `/cases?${query}`;
  };
  switch (measure) {
    case 'potentialClients':
      return '/companies?status=potential';
    case 'quotesSent':
      return '/quotes?status=sent';
    case 'newDeals':
      return deals(days ? { createdFrom: days.from, createdTo: days.to } : {});
    case 'dealsWon':
      return deals({ status: 'won', ...(days ? { closedFrom: days.from, closedTo: days.to } : {}) });
    case 'complaintsReceived':
      return cases({ all: '1' });
    case 'complaintsResolved':
      return cases({ status: 'resolved,closed' });
  }
}
