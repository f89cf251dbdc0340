import { describe, expect, it } from 'vitest';
import { centsToAmount, documentTotals, lineTotals, moneyOfCents, normalizeAmount, toScaled } from './money.ts';

describe('sales money in cents', () => {
  it('reads decimal strings as scaled integers, with a dot or a comma', () => {
    expect(toScaled('14.90', 2)).toBe(1490n);
    expect(toScaled('14,9', 2)).toBe(1490n);
    expect(toScaled('2.5', 3)).toBe(2500n);
    expect(toScaled('1.234', 2)).toBeNull();
    expect(toScaled('abc', 2)).toBeNull();
    expect(toScaled('', 2)).toBeNull();
  });

  it('computes 15 × 14.90 less 7.5 % with 10 % VAT exactly, as the server rounds', () => {
    expect(lineTotals({ quantity: '15', unitPrice: '14.90', discountPercent: '7.5', vatRate: '10' })).toEqual({
      net: 20674n,
      vat: 2067n,
      total: 22741n,
    });
  });

  it('rounds half away from zero at each step and adds lines without drift', () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in cents it is 30.
    const totals = documentTotals([
      { quantity: '1', unitPrice: '0.10', vatRate: '0' },
      { quantity: '1', unitPrice: '0.20', vatRate: '0' },
      { quantity: '3', unitPrice: '0.05', discountPercent: '50', vatRate: '22' },
    ]);
    // 3 × 0.05 × 0.5 = 0.075 → 0.08; VAT 22 % of 0.08 = 0.0176 → 0.02.
    expect(totals).toEqual({ net: 38n, vat: 2n, total: 40n });
    expect(centsToAmount(totals.total)).toBe('0.40');
  });

  it('leaves out lines that are not complete yet', () => {
    expect(
      documentTotals([
        { quantity: '', unitPrice: '10' },
        { quantity: '2', unitPrice: '10' },
      ]).total,
    ).toBe(2000n);
    expect(lineTotals({ quantity: '1', unitPrice: '10', discountPercent: '150' })).toBeNull();
  });

  it('normalizes typed amounts and formats cents as money', () => {
    expect(normalizeAmount('12,5')).toBe('12.50');
    expect(normalizeAmount(' 1200 ')).toBe('1200.00');
    expect(normalizeAmount('12.345')).toBeNull();
    expect(moneyOfCents(20674n, 'EUR', 'en')).toBe('€206.74');
  });
});
