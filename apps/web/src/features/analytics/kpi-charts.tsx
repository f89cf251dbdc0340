import type { TKpiMeasure, TKpiSeries, TKpiValue, TLocale } from '@clientela/contract';
import { type ECElementEvent, getInstanceByDom } from 'echarts/core';
import { useEffect, useMemo, useRef } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { formatCount, formatStep, formatSum, plotted } from './kpi-format.ts';

type ClickableProps = { option: ChartOption; height: number; label: string; testId: string; onItemClick: (dataIndex: number) => void };

/** A chart whose bars open the records behind them. */
function ClickableChart({ option, height, label, testId, onItemClick }: ClickableProps) {
  const ref = useRef<HTMLDivElement>(null);
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;
  useEffect(() => {
    // The chart's own element is the first child; Chart's effect, which ran first, set ECharts up on it.
    const element = ref.current?.firstElementChild;
    const instance = element instanceof HTMLElement ? getInstanceByDom(element) : undefined;
    if (!instance) return;
    const listener = (params: ECElementEvent) => clicked.current(params.dataIndex);
    instance.on('click', listener);
    return () => {
      instance.off('click', listener);
    };
  }, []);
  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ cursor: 'pointer' }}>
      <Chart option={option} height={height} />
    </div>
  );
}

/** The period looked at in the brand's colour, the one before in grey: the same in both charts. */
const CURRENT_COLOR = '#0f766e';
const PREVIOUS_COLOR = '#b8c0cc';

type Labels = { current: string; previous: string; measures: Record<TKpiMeasure, string> };

type ComparisonProps = { kpis: TKpiValue[]; labels: Labels; label: string; onOpen: (measure: TKpiMeasure) => void };

/** Each KPI's count in the period beside the previous period's. Load it lazily: it brings ECharts. */
export function ComparisonChart({ kpis, labels, label, onOpen }: ComparisonProps) {
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      // Lying bars: the measures' names are long, and read whole on the left.
      yAxis: { type: 'category', inverse: true, data: kpis.map((k) => labels.measures[k.measure]) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { id: 'current', name: labels.current, type: 'bar', data: kpis.map((k) => k.current.count), itemStyle: { color: CURRENT_COLOR } },
        {
          id: 'previous',
          name: labels.previous,
          type: 'bar',
          data: kpis.map((k) => k.previous.count),
          itemStyle: { color: PREVIOUS_COLOR },
        },
      ],
    }),
    [kpis, labels],
  );
  return (
    <ClickableChart
      option={option}
      height={260}
      label={label}
      testId="kpi-comparison-chart"
      onItemClick={(index) => {
        const kpi = kpis[index];
        if (kpi) onOpen(kpi.measure);
      }}
    />
  );
}

type SeriesProps = { series: TKpiSeries; locale: TLocale; labels: Labels; label: string; onOpen: () => void };

/** One measure step by step: the period's bars over the previous period's line. Load it lazily: it brings ECharts. */
export function SeriesChart({ series, locale, labels, label, onOpen }: SeriesProps) {
  const option = useMemo((): ChartOption => {
    const money = series.current[0]?.sum !== null && series.current[0]?.sum !== undefined;
    const format = (value: number) => (money ? formatSum(String(value), series.baseCurrency, locale) : formatCount(value, locale));
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => format(Number(value)) },
      xAxis: { type: 'category', data: series.current.map((p) => formatStep(p.start, series.step, locale, series.timeZone)) },
      yAxis: { type: 'value', minInterval: money ? 0 : 1, axisLabel: { formatter: (value: number) => format(value) } },
      series: [
        { id: 'current', name: labels.current, type: 'bar', data: series.current.map(plotted), itemStyle: { color: CURRENT_COLOR } },
        {
          id: 'previous',
          name: labels.previous,
          type: 'line',
          data: series.previous.map(plotted),
          itemStyle: { color: PREVIOUS_COLOR },
          lineStyle: { color: PREVIOUS_COLOR },
        },
      ],
    };
  }, [series, locale, labels]);
  return <ClickableChart option={option} height={280} label={label} testId="kpi-series-chart" onItemClick={() => onOpen()} />;
}
