import type { TImport, TLocale } from '@clientela/contract';
import type { TFunction } from 'i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { OUTCOME_COLORS } from './outcome-colors.ts';

/**
 * The outcomes a row can have, in the order of the cards. Each row has exactly one; "imported with changes"
 * is not one of them: those rows are counted again inside created and updated.
 */
export const OUTCOMES = ['created', 'updated', 'skipped', 'rejected'] as const;

type Outcome = (typeof OUTCOMES)[number];

/** The wide layout has the legend on one line above the bar; the narrow one lists it one outcome per line. */
export type RowsChartLayout = 'wide' | 'narrow';

/** The chart's height in pixels for each layout. */
export const ROWS_CHART_HEIGHT: Record<RowsChartLayout, number> = { wide: 96, narrow: 164 };

/** Below this width in pixels the legend no longer fits on one line in every language. */
export const ROWS_CHART_NARROW_BELOW = 640;

/** Each outcome's rows and their share in percent of the rows processed; every share is 0 while there are none. */
export function rowShares(counts: TImport['counts']): { key: Outcome; count: number; percent: number }[] {
  const total = OUTCOMES.reduce((sum, key) => sum + counts[key], 0);
  return OUTCOMES.map((key) => ({ key, count: counts[key], percent: total === 0 ? 0 : (counts[key] * 100) / total }));
}

/**
 * A share as a percentage for the user's language, with one decimal, or as many more as it takes not to round
 * a real share to 0 % or 100 %: 1 row of 3,000 reads "0.03%", not "0%".
 */
export function formatShare(percent: number, locale: TLocale): string {
  const misleading = (digits: number) => {
    const rounded = Number(percent.toFixed(digits));
    return (rounded === 0 && percent > 0) || (rounded === 100 && percent < 100);
  };
  let digits = 1;
  while (digits < 4 && misleading(digits)) digits += 1;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(percent / 100);
}

/** A coloured square as the legend draws it, for the tooltip's lines. */
const marker = (color: string) =>
  `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:8px;background:${color}"></span>`;

/** One line per outcome, as the chart's accessible description and the tooltip say it: "Created: 2,996 (99.9%)". */
export function rowsChartLines(counts: TImport['counts'], t: TFunction<'imports'>, locale: TLocale): string[] {
  return rowShares(counts).map(({ key, count, percent }) =>
    t('result.chart.item', { label: t(`result.${key}`), rows: formatNumber(count, locale), share: formatShare(percent, locale) }),
  );
}

/**
 * Where the file's rows went: one horizontal bar, 100 % wide, cut into created, updated, skipped and rejected in
 * the colours of their cards. The legend gives each share (a few rows of thousands are too thin to see on the bar),
 * the tooltip each count and share.
 */
export function rowsChartOption(
  counts: TImport['counts'],
  t: TFunction<'imports'>,
  locale: TLocale,
  layout: RowsChartLayout = 'wide',
): ChartOption {
  const shares = rowShares(counts).map((share) => ({ ...share, label: t(`result.${share.key}`) }));
  const total = shares.reduce((sum, { count }) => sum + count, 0);
  const legendText = new Map(
    shares.map(({ label, percent }) => [label, t('result.chart.legend', { label, share: formatShare(percent, locale) })]),
  );
  const lines = rowsChartLines(counts, t, locale);
  const tooltip = [
    `<div style="font-weight:600;margin-bottom:4px">${t('result.chart.total', { rows: formatNumber(total, locale) })}</div>`,
    ...shares.map(({ key }, index) => `<div>${marker(OUTCOME_COLORS[key])}${lines[index]}</div>`),
  ].join('');
  const narrow = layout === 'narrow';

  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'none' }, confine: true, formatter: () => tooltip },
    legend: {
      data: shares.map(({ label }) => label),
      formatter: (name: string) => legendText.get(name) ?? name,
      // Hiding an outcome would leave a bar that no longer adds up to the rows processed.
      selectedMode: false,
      orient: narrow ? 'vertical' : 'horizontal',
      top: 0,
      left: 0,
      padding: 0,
      itemGap: narrow ? 8 : 24,
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { fontSize: 13 },
    },
    grid: { left: 4, right: 20, top: narrow ? 88 : 28, bottom: 24 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: narrow ? 50 : 25,
      axisLabel: { formatter: (value: number) => formatPercent(value, locale) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: { type: 'category', data: [''], show: false },
    series: shares.map(({ key, label, percent }) => ({
      id: key,
      name: label,
      type: 'bar',
      stack: 'rows',
      data: [percent],
      barWidth: 28,
      itemStyle: { color: OUTCOME_COLORS[key] },
      // Only a part wide enough to hold its share says it on the bar; the legend says them all.
      label: { show: percent >= 15, position: 'inside', color: '#fff', fontWeight: 600, formatter: () => formatShare(percent, locale) },
      emphasis: { focus: 'series' },
    })),
  };
}
