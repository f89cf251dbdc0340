import type { TLocale } from '@clientela/contract';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { formatMoney } from '../../lib/format.ts';

/** One bar group: what is owed against what is allowed; a limit of null means none. */
export type CreditBar = { name: string; exposure: number; limit: number | null };

type Props = { bars: CreditBar[]; currency: string; locale: TLocale; labels: { exposure: string; limit: string } };

/** Exposure next to the limit for the company and its group, in the base currency. Load it lazily: it brings ECharts. */
export function CreditChart({ bars, currency, locale, labels }: Props) {
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatMoney(Number(value), currency, locale) },
      xAxis: { type: 'category', data: bars.map((bar) => bar.name) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoney(value, currency, locale) } },
      series: [
        { id: 'exposure', name: labels.exposure, type: 'bar', data: bars.map((bar) => bar.exposure) },
        { id: 'limit', name: labels.limit, type: 'bar', data: bars.map((bar) => bar.limit ?? '-') },
      ],
    }),
    [bars, currency, locale, labels],
  );
  return <Chart option={option} height={200} />;
}
