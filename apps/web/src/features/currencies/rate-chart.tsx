import type { TExchangeRate } from '@clientela/contract';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

// The shared chart registers what bar charts need; a rate over time is a line, registered here so that it loads with this chart only.
use([LineChart]);

type LineOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

type Props = { rates: TExchangeRate[]; label: string };

/** A currency's rate over time, oldest day on the left. Load it lazily: it brings ECharts. */
export function RateChart({ rates, label }: Props) {
  const { locale } = useLocale();
  const option = useMemo((): LineOption => {
    const points = [...rates].sort((a, b) => a.on.localeCompare(b.on));
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((rate) => formatCalendarDate(rate.on, locale)), boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [{ id: 'rate', name: label, type: 'line', data: points.map((rate) => Number(rate.rate)), showSymbol: points.length < 40 }],
    };
  }, [rates, label, locale]);
  return <Chart option={option as ChartOption} height={180} />;
}
