import { describe, expect, it } from 'vitest';
import { backtestOf, divide, historyOf, type RevenueCell, runRate } from './forecast-model.ts';
import { monthIndex } from './months.ts';

const m = monthIndex;
/** Revenue of a month from deals created and closed in the same month: run-rate at every lead. */
const sameMonth = (month: string, euros: number): RevenueCell => ({
  month: m(month),
  created: m(month),
  closed: m(month),
  cents: BigInt(euros * 100),
});

describe('the forecast model', () => {
  it('shapes the run-rate by the season once a full year is known', () => {
    // June 2025 – May 2026: 100 a month, July 2025 340; December also 240 from a deal created in October.
    const cells = [
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ].map((month) => sameMonth(month, month === '2025-07' ? 340 : 100));
    cells.push({ month: m('2025-12'), created: m('2025-10'), closed: m('2025-12'), cents: 24_000n });
    const history = historyOf(cells);
    // Looking one month ahead from June, the October deal was in the pipeline: R1 = 1440 of the year's 1680.
    // July 2026 = 1440 × 340 / 1680 = 291.43, the average run-rate times July's weight in the year.
    expect(runRate(history, m('2026-06'), 1)).toEqual({ cents: 29_143n, seasonal: true, months: 12 });
    // Two months ahead the October deal is new business: 1680 × August's 100 / 1680.
    expect(runRate(history, m('2026-06'), 2).cents).toBe(10_000n);
    // With half of June left, June's own run-rate is half of June last year's share: 1440 × 100 / 1680 / 2 = 42.86.
    expect(runRate(history, m('2026-06'), 0, 15, 30).cents).toBe(4_286n);
    // Eleven months are not a year: the plain average, (1680 − 100 − 240) / 11 = 121.82 for July.
    expect(runRate(historyOf(cells.slice(1)), m('2026-06'), 1)).toEqual({ cents: 12_182n, seasonal: false, months: 11 });
  });

  it('rounds half away from zero and sums the backtest honestly when a month had no sales', () => {
    expect([divide(5n, 2n), divide(-5n, 2n), divide(4n, 3n), divide(1n, 0n)]).toEqual([3n, -3n, 1n, 0n]);
    const backtest = backtestOf([
      { month: m('2026-01'), forecast: 11_000n, actual: 10_000n },
      { month: m('2026-02'), forecast: 5_000n, actual: 0n },
      { month: m('2026-03'), forecast: 15_000n, actual: 20_000n },
    ]);
    expect(backtest.months.map((b) => [b.month, b.error, b.errorPercent])).toEqual([
      ['2026-01', '10.00', '10.00'],
      ['2026-02', '50.00', null],
      ['2026-03', '-50.00', '25.00'],
    ]);
    // (10 + 25) / 2 over the months with sales; errors 10, 50, 50 → 36.67 on average, +10 − 50 + 50 → bias 3.33.
    expect(backtest).toMatchObject({ mape: '17.50', monthsWithoutSales: 1, meanAbsoluteError: '36.67', bias: '3.33' });
  });
});
