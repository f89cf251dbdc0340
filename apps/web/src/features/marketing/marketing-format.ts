import { formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';

/** A money string of the API ("1250.00") as a number; null stays null. */
export function amountOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Formatters of the marketing pages: money in the base currency, ROI as a percentage, dates, all in the user's locale. */
export function useMarketingFormat(currency: string | undefined) {
  const format = useFormatters();
  const code = currency || 'EUR';
  return {
    ...format,
    money: (value: string | number | null | undefined) => {
      const amount = typeof value === 'number' ? value : amountOf(value);
      return amount === null ? '—' : formatMoney(amount, code, format.locale);
    },
    /** A ratio (1.5) as a percentage ("150%"). */
    ratio: (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatPercent(value * 100, format.locale)),
    number: (value: number) => formatNumber(value, format.locale),
    /** A plain decimal (revenue per unit of cost) with two decimals at most. */
    decimal: (value: number | null | undefined) =>
      value === null || value === undefined ? '—' : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 }).format(value),
    day: (ymd: string | null | undefined) => (ymd ? format.calendarDate(ymd) : '—'),
  };
}
