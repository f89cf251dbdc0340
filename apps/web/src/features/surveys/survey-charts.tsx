import type { TLocale, TNpsSummary } from '@clientela/contract';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { formatNumber } from '../../lib/format.ts';

// Load this file lazily: it brings ECharts.

type NpsProps = { nps: TNpsSummary; labels: { promoters: string; passives: string; detractors: string; chart: string }; locale: TLocale };

/** Promoters, passives and detractors as one bar split in three. */
export function NpsBar({ nps, labels, locale }: NpsProps) {
  const option = useMemo((): ChartOption => {
    const parts = [
      { id: 'promoters', name: labels.promoters, value: nps.promoters, color: '#52c41a' },
      { id: 'passives', name: labels.passives, value: nps.passives, color: '#faad14' },
      { id: 'detractors', name: labels.detractors, value: nps.detractors, color: '#ff4d4f' },
    ];
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8 },
      legend: { top: 0 },
      tooltip: { trigger: 'item', valueFormatter: (value) => formatNumber(Number(value), locale) },
      xAxis: { type: 'value', show: false, max: Math.max(nps.total, 1) },
      yAxis: { type: 'category', show: false, data: [''] },
      series: parts.map((part) => ({
        id: part.id,
        name: part.name,
        type: 'bar',
        stack: 'nps',
        color: part.color,
        barWidth: 28,
        data: [part.value],
      })),
    };
  }, [nps, labels, locale]);
  return (
    <div role="img" aria-label={labels.chart}>
      <Chart option={option} height={72} />
    </div>
  );
}

type DistributionProps = { bars: { label: string; count: number }[]; label: string; locale: TLocale; horizontal?: boolean };

/** How many chose each value or choice of a question. */
export function DistributionChart({ bars, label, locale, horizontal }: DistributionProps) {
  const option = useMemo((): ChartOption => {
    const category = { type: 'category' as const, data: bars.map((bar) => bar.label), axisLabel: { interval: 0 } };
    const value = { type: 'value' as const, minInterval: 1, axisLabel: { formatter: (n: number) => formatNumber(n, locale) } };
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (n) => formatNumber(Number(n), locale) },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [{ id: 'count', type: 'bar', data: bars.map((bar) => bar.count) }],
    };
  }, [bars, locale, horizontal]);
  const summary = bars.map((bar) => `${bar.label}: ${formatNumber(bar.count, locale)}`).join(', ');
  return (
    <div role="img" aria-label={`${label} — ${summary}`} data-testid="survey-distribution">
      <Chart option={option} height={horizontal ? Math.max(120, bars.length * 36 + 24) : 220} />
    </div>
  );
}
