import type { TBuilderReport, TGroupedReportRow, TLocale, TReportDefinition } from '@clientela/contract';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { ReportChart } from '../reports/report-chart.tsx';
import { compactNumber, money } from '../reports/report-format.ts';
import { groupLabel } from './builder-labels.ts';

// The builder also draws pies; the shared chart registers bars and lines.
use([PieChart]);

type BuilderOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** A series id for a subgroup: its key, or a mark for "without one" (an id may not be empty). */
export const NO_KEY = '∅';
export const seriesIdOf = (key: string | null) => key ?? NO_KEY;

/** The figure a row is drawn with: its count, or its sum or average. */
export const figureOf = (row: { count: number; amount: string | null }, measure: TReportDefinition['measure']) =>
  measure === 'count' ? row.count : Number(row.amount ?? 0);

type Props = {
  report: TBuilderReport;
  chart: Exclude<TReportDefinition['chart'], 'table'>;
  /** Told the group (and subgroup) of the clicked bar, point or slice; absent when nothing can be opened. */
  onPick?: ((row: TGroupedReportRow, child?: TGroupedReportRow) => void) | undefined;
};

/**
 * The report drawn as bars (standing or lying), a line or a pie. Two levels stack the subgroups in
 * each bar, or draw a line per subgroup; a pie shows the first level.
 */
export function BuilderChart({ report, chart, onPick }: Props) {
  const { t } = useTranslation('reportBuilder');
  const { locale } = useLocale();
  const { entity, measure, groupBy, thenBy, rows, baseCurrency } = report;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the report, the chart type and the language.
  const option = useMemo((): BuilderOption => {
    const format = (value: unknown) => formatValue(Number(value), measure, baseCurrency, locale);
    const label = (grouping: typeof groupBy, row: TGroupedReportRow) => groupLabel(t, locale, entity, grouping, row);
    const categories = rows.map((row) => label(groupBy, row));
    if (chart === 'pie') {
      return {
        tooltip: { trigger: 'item', valueFormatter: format },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            id: 'value',
            type: 'pie',
            radius: ['35%', '65%'],
            data: rows.map((row, index) => ({ name: categories[index] ?? '', value: figureOf(row, measure) })),
          },
        ],
      };
    }
    const lying = chart === 'horizontalBar';
    const axisValue = { type: 'value' as const, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } };
    const axisCategory = { type: 'category' as const, data: categories, ...(lying ? { inverse: true } : {}) };
    const subgroups = thenBy ? [...new Map(rows.flatMap((row) => row.children ?? []).map((c) => [seriesIdOf(c.key), c])).values()] : [];
    const seriesType = chart === 'line' ? ('line' as const) : ('bar' as const);
    const series = thenBy
      ? subgroups.map((sub) => ({
          id: seriesIdOf(sub.key),
          name: label(thenBy, sub),
          type: seriesType,
          ...(seriesType === 'bar' ? { stack: 'total' } : {}),
          data: rows.map((row) => {
            const child = row.children?.find((c) => c.key === sub.key);
            return child ? figureOf(child, measure) : 0;
          }),
        }))
      : [{ id: 'value', name: t(`measures.${measure}`), type: seriesType, data: rows.map((row) => figureOf(row, measure)) }];
    return {
      tooltip: { trigger: 'axis', valueFormatter: format },
      legend: thenBy ? { type: 'scroll', bottom: 0 } : { show: false },
      grid: { left: 8, right: 16, top: 16, bottom: thenBy ? 40 : 8 },
      xAxis: lying ? axisValue : axisCategory,
      yAxis: lying ? axisCategory : axisValue,
      series,
    } as BuilderOption;
  }, [report, chart, locale, t]);

  const onItemClick = onPick
    ? (index: number, seriesId: string | undefined) => {
        const row = rows[index];
        if (!row) return;
        const child = thenBy && chart !== 'pie' ? row.children?.find((c) => seriesIdOf(c.key) === seriesId) : undefined;
        onPick(row, child);
      }
    : undefined;

  return (
    <ReportChart
      // The shared chart's option type lists bars and lines; the pie is registered above.
      option={option as ChartOption}
      height={chart === 'horizontalBar' ? Math.max(320, rows.length * 28 + 60) : 360}
      onItemClick={onItemClick}
      label={t(onPick ? 'chart.labelWithDrill' : 'chart.label')}
    />
  );
}

/** A figure in the user's format: counts as numbers, sums and averages as money in the base currency. */
export function formatValue(value: number, measure: TReportDefinition['measure'], currency: string, locale: TLocale): string {
  return measure === 'count' ? formatNumber(value, locale) : money(String(value), currency, locale);
}
