import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../components/chart.tsx';
import { initI18n } from '../../lib/i18n.ts';
import { loadImportMessages } from '../../lib/import-messages.ts';
import it_ from '../../locales/imports/it.json';
import ru from '../../locales/imports/ru.json';
import { formatShare, rowShares, rowsChartLines, rowsChartOption } from './rows-chart-option.ts';

/** The parts of the option the tests read, typed for reading. */
type Read = {
  series: {
    id: string;
    type: string;
    stack: string;
    data: number[];
    itemStyle: { color: string };
    label: { show: boolean; formatter: () => string };
  }[];
  legend: { data: string[]; formatter: (name: string) => string; selectedMode: boolean; orient: string };
  tooltip: { trigger: string; formatter: () => string };
  grid: { top: number };
  xAxis: { min: number; max: number; axisLabel: { formatter: (value: number) => string } };
};
const read = (option: ChartOption) => option as unknown as Read;
/** Intl puts narrow no-break spaces in Russian numbers and percentages; plain spaces read better in a test. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

// The e2e journey's file: 3,000 rows, of which a few are skipped or rejected and some imported with changes.
const journey = { created: 2996, updated: 0, skipped: 3, rejected: 1, modified: 3 };
const none = { created: 0, updated: 0, skipped: 0, rejected: 0, modified: 0 };

describe('rowsChartOption', () => {
  let t: TFunction<'imports'>;
  let tRu: TFunction<'imports'>;
  beforeAll(async () => {
    await initI18n('en');
    await loadImportMessages();
    i18next.addResourceBundle('ru', 'imports', ru);
    i18next.addResourceBundle('it', 'imports', it_);
    t = i18next.getFixedT('en', 'imports');
    tRu = i18next.getFixedT('ru', 'imports');
  });

  it('stacks the four outcomes in the order and colours of the cards, without "imported with changes"', () => {
    const { series } = read(rowsChartOption(journey, t, 'en'));
    expect(series.map(({ id }) => id)).toEqual(['created', 'updated', 'skipped', 'rejected']);
    expect(series.map(({ itemStyle }) => itemStyle.color)).toEqual(['#389e0d', '#0958d9', '#8c8c8c', '#cf1322']);
    expect(new Set(series.map(({ type, stack }) => `${type}/${stack}`))).toEqual(new Set(['bar/rows']));
  });

  it('draws each outcome as its share of the rows processed, adding up to 100 %', () => {
    const { series, xAxis } = read(rowsChartOption(journey, t, 'en'));
    const data = series.map((part) => part.data[0] ?? Number.NaN);
    expect(data[0]).toBeCloseTo(99.8667, 3);
    expect(data.slice(1)).toEqual([0, 0.1, 1 / 30]);
    expect(data.reduce((sum, value) => sum + value, 0)).toBeCloseTo(100, 10);
    expect([xAxis.min, xAxis.max]).toEqual([0, 100]);
    expect(xAxis.axisLabel.formatter(25)).toBe('25%');
    expect(rowShares({ created: 10, updated: 30, skipped: 40, rejected: 20, modified: 10 }).map(({ percent }) => percent)).toEqual([
      10, 30, 40, 20,
    ]);
  });

  it('gives every share in the legend, so that a few rows of thousands are found though too thin to see', () => {
    const { legend } = read(rowsChartOption(journey, t, 'en'));
    expect(legend.data.map(legend.formatter)).toEqual(['Created: 99.9%', 'Updated: 0%', 'Skipped: 0.1%', 'Rejected: 0.03%']);
    expect(legend.selectedMode).toBe(false);
  });

  it('tells the count and the share of every outcome in the tooltip, with the rows processed', () => {
    const { tooltip } = read(rowsChartOption(journey, t, 'en'));
    expect(tooltip.trigger).toBe('axis');
    const text = tooltip.formatter().replace(/<[^>]+>/g, '\n');
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Rows processed: 3,000',
      'Created: 2,996 (99.9%)',
      'Updated: 0 (0%)',
      'Skipped: 3 (0.1%)',
      'Rejected: 1 (0.03%)',
    ]);
    expect(tooltip.formatter()).toContain('background:#cf1322');
  });

  it('formats counts and shares for the user’s language', () => {
    const option = read(rowsChartOption({ ...journey, created: 12_345 }, tRu, 'ru'));
    expect(plain(option.tooltip.formatter())).toContain('Создано: 12 345 (99,97 %)');
    expect(plain(option.legend.formatter('Отклонено'))).toBe('Отклонено — 0,01 %');
    expect(plain(option.xAxis.axisLabel.formatter(50))).toBe('50 %');
    // Italian groups the thousands from five digits on.
    expect(rowsChartLines(journey, i18next.getFixedT('it', 'imports'), 'it')).toEqual([
      'Creati: 2996 (99,9%)',
      'Aggiornati: 0 (0%)',
      'Saltati: 3 (0,1%)',
      'Scartati: 1 (0,03%)',
    ]);
  });

  it('writes a share on its part of the bar only when the part is wide enough to hold it', () => {
    const { series } = read(rowsChartOption({ created: 70, updated: 20, skipped: 6, rejected: 4, modified: 0 }, t, 'en'));
    expect(series.map(({ label }) => label.show)).toEqual([true, true, false, false]);
    expect(series[0]?.label.formatter()).toBe('70%');
  });

  it('has an empty bar and no figure that is not a number while no row is processed', () => {
    const { series, legend, tooltip } = read(rowsChartOption(none, t, 'en'));
    expect(series.map((part) => part.data)).toEqual([[0], [0], [0], [0]]);
    expect(series.every(({ label }) => !label.show)).toBe(true);
    expect(legend.data.map(legend.formatter)).toEqual(['Created: 0%', 'Updated: 0%', 'Skipped: 0%', 'Rejected: 0%']);
    expect(tooltip.formatter()).toContain('Rows processed: 0');
    expect(tooltip.formatter()).not.toContain('NaN');
  });

  it('lists the legend one outcome per line above the bar on a narrow screen', () => {
    const wide = read(rowsChartOption(journey, t, 'en', 'wide'));
    const narrow = read(rowsChartOption(journey, t, 'en', 'narrow'));
    expect([wide.legend.orient, narrow.legend.orient]).toEqual(['horizontal', 'vertical']);
    expect(narrow.grid.top).toBeGreaterThan(wide.grid.top);
  });
});

describe('formatShare', () => {
  it('keeps one decimal, more only where rounding would show a real share as 0 % or 100 %', () => {
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatShare(100, 'en')).toBe('100%');
    expect(formatShare(50, 'en')).toBe('50%');
    expect(formatShare(12.345, 'en')).toBe('12.3%');
    expect(formatShare(0.1, 'en')).toBe('0.1%');
    expect(formatShare(100 / 3000, 'en')).toBe('0.03%');
    expect(formatShare(100 - 100 / 3000, 'en')).toBe('99.97%');
    expect(formatShare(0.0001, 'en')).toBe('0.0001%');
    expect(plain(formatShare(0.5, 'ru'))).toBe('0,5 %');
    expect(formatShare(0.5, 'it')).toBe('0,5%');
  });
});
