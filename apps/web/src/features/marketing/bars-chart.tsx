import { Chart, type ChartOption } from '../../components/chart.tsx';

export type BarSeries = { id: string; name: string; data: number[] };

type Props = { categories: string[]; series: BarSeries[]; formatValue: (value: number) => string; height?: number };

/** Bars of money side by side per row (cost and revenue, planned and actual); load it lazily. */
export function BarsChart({ categories, series, formatValue, height = 320 }: Props) {
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(Number(value)) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, overflow: 'truncate', width: 110 } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatValue(value) } },
    series: series.map((one) => ({ id: one.id, name: one.name, type: 'bar', data: one.data })),
  };
  return <Chart option={option} height={height} />;
}
