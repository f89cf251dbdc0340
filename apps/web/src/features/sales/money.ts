import type { TLocale } from '@clientela/contract';
import { formatMoney } from '../../lib/format.ts';

// Amounts are added up in integer cents (BigInt), never as floating-point numbers, so that the
// totals shown while editing are the ones the server's numeric arithmetic will store.

/** A decimal string ("14.90", "2.5", "14,9") as integer units of 10^-`scale`; null when it is not a number. */
export function toScaled(text: string | null | undefined, scale: number): bigint | null {
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > scale) return null;
  return BigInt(`${match[1]}${fraction.padEnd(scale, '0')}`);
}

/** Divides two non-negative integers, rounding half away from zero as PostgreSQL's round() does. */
function divideRounded(dividend: bigint, divisor: bigint): bigint {
  return (dividend * 2n + divisor) / (divisor * 2n);
}

/** Cents as a decimal string with two decimals ("20674" → "206.74"). */
export function centsToAmount(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** An amount typed by someone ("12,5", " 1200 ") as the API takes it ("12.50"); null when it is not one. */
export function normalizeAmount(text: string | null | undefined): string | null {
  const cents = toScaled(text, 2);
  return cents === null ? null : centsToAmount(cents);
}

/** A line as the totals need it: decimal strings, as typed or as the server sent them. */
export type LineAmounts = { quantity: string; unitPrice: string; discountPercent?: string; vatRate?: string };

export type Totals = { net: bigint; vat: bigint; total: bigint };

/**
 * A line's net and VAT in cents, as the server computes them: net = quantity × price less the
 * discount, rounded to cents; VAT on that net, rounded to cents. Null while a field is not a number.
 */
export function lineTotals(line: LineAmounts): Totals | null {
  const quantity = toScaled(line.quantity, 3); // thousandths
  const price = toScaled(line.unitPrice, 2); // cents
  const discount = toScaled(line.discountPercent || '0', 2); // hundredths of a percent
  const vatRate = toScaled(line.vatRate || '0', 2);
  if (quantity === null || price === null || discount === null || vatRate === null || discount > 10_000n) return null;
  const net = divideRounded(quantity * price * (10_000n - discount), 1_000n * 10_000n);
  const vat = divideRounded(net * vatRate, 10_000n);
  return { net, vat, total: net + vat };
}

/** The document's totals: the sum of its lines' (lines not yet complete count as nothing). */
export function documentTotals(lines: LineAmounts[]): Totals {
  return lines.reduce<Totals>(
    (sum, line) => {
      const one = lineTotals(line);
      return one ? { net: sum.net + one.net, vat: sum.vat + one.vat, total: sum.total + one.total } : sum;
    },
    { net: 0n, vat: 0n, total: 0n },
  );
}

/** Formats an amount sent by the API ("1250.50") in its currency for the user's language. */
export function money(amount: string, currency: string, locale: TLocale): string {
  // Only for display: Intl takes a number, and two decimals survive the conversion exactly enough to print.
  return formatMoney(Number(amount), currency, locale);
}

/** Formats cents in a currency for the user's language. */
export function moneyOfCents(cents: bigint, currency: string, locale: TLocale): string {
  return money(centsToAmount(cents), currency, locale);
}
