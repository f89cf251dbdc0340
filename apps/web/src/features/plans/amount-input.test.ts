import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount-input.ts';

const spaces = (text: string) => text.replace(/\s/g, ' ');

describe('amounts in the plan grid', () => {
  it('are written with the language’s separators and two decimals', () => {
    expect(formatAmount('1234567.5', 'en')).toBe('1,234,567.50');
    expect(spaces(formatAmount('1234567.5', 'ru'))).toBe('1 234 567,50');
    expect(formatAmount('1234.5', 'it')).toBe('1.234,50');
    expect(formatAmount('0', 'en')).toBe('0.00');
    expect(formatAmount(undefined, 'en')).toBe('');
  });

  it('are read back as typed in each language', () => {
    expect(parseAmount('1,234.50', 'en')).toBe('1234.50');
    expect(parseAmount('1\u00a0234,5', 'ru')).toBe('1234.5');
    expect(parseAmount('1.5', 'ru')).toBe('1.5');
    expect(parseAmount('1.234,50', 'it')).toBe('1234.50');
    expect(parseAmount('1.000', 'it')).toBe('1000');
    expect(parseAmount('2.5', 'it')).toBe('2.5');
  });
});
