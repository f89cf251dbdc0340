import type { Dayjs } from 'dayjs';

/** The periods offered at once; `custom` reads `from` and `to` from the address. */
export const STAT_PERIODS = ['thisMonth', 'lastMonth', 'thisYear', 'custom'] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The days a period asks the server for, from today in the user's zone. This month sends none:
 * the server reads it in the user's zone itself.
 */
export function periodDays(period: StatPeriod, today: Dayjs, custom: { from?: string; to?: string }): { from?: string; to?: string } {
  switch (period) {
    case 'thisMonth':
      return {};
    case 'lastMonth': {
      const start = today.startOf('month').subtract(1, 'month');
      return { from: day(start), to: day(start.endOf('month')) };
    }
    case 'thisYear':
      return { from: day(today.startOf('year')), to: day(today.endOf('year')) };
    case 'custom':
      return custom;
  }
}
