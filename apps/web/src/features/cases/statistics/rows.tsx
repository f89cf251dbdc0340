import type { TCaseStatDimension, TCaseStatistics, TLocale } from '@clientela/contract';
import { Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../../components/chart.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { changeOf, formatPercent } from '../../analytics/kpi-format.ts';
import { ReportChart } from '../../reports/report-chart.tsx';
import { formatHours, formatShare } from './stats-format.ts';

type Row = TCaseStatistics['rows'][number];

/** Dimensions whose values are words of the app (translated here), not names of records. */
const TRANSLATED: readonly TCaseStatDimension[] = ['channel', 'verdict', 'priority'];

/** What a row is called: a record's name, a translated value, or "none". */
export function rowLabel(t: TFunction<'caseStats'>, by: TCaseStatDimension, row: Pick<Row, 'key' | 'label'>): string {
  if (row.key === null) return t(`none.${by}`);
  if (TRANSLATED.includes(by)) return t(`values.${by}.${row.key}`, { defaultValue: row.label });
  return row.label || row.key;
}

type Props = { stats: TCaseStatistics; locale: TLocale; periods: { current: string; previous: string; lastYear: string } };

/** Cases received per row: this period beside the previous one and a year before. */
export function StatsChart({ stats, locale, periods }: Props) {
  const { t } = useTranslation('caseStats');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data, the periods' names and the language.
  const option = useMemo((): ChartOption => {
    const rows = stats.rows.slice(0, 20);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatNumber(Number(value), locale) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => rowLabel(t, stats.by, row)),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatNumber(value, locale) } },
      series: [
        { id: 'current', name: periods.current, type: 'bar', data: rows.map((row) => row.current) },
        { id: 'previous', name: periods.previous, type: 'bar', data: rows.map((row) => row.previous) },
        { id: 'lastYear', name: periods.lastYear, type: 'bar', data: rows.map((row) => row.lastYear) },
      ],
    };
  }, [stats, locale, periods]);
  return <ReportChart option={option} label={t('chart.label', { dimension: t(`dimensions.${stats.by}`) })} />;
}

/** The rows in a table: received in the three periods, the change, resolved, SLA compliance and handling time. */
export function StatsTable({ stats, locale, periods }: Props) {
  const { t } = useTranslation('caseStats');
  const columns: TableColumnsType<Row> = [
    { key: 'label', title: t(`dimensions.${stats.by}`), render: (_, row) => rowLabel(t, stats.by, row) },
    { key: 'current', title: periods.current, dataIndex: 'current', align: 'right', render: (n: number) => formatNumber(n, locale) },
    { key: 'previous', title: periods.previous, dataIndex: 'previous', align: 'right', render: (n: number) => formatNumber(n, locale) },
    { key: 'lastYear', title: periods.lastYear, dataIndex: 'lastYear', align: 'right', render: (n: number) => formatNumber(n, locale) },
    {
      key: 'change',
      title: t('table.change'),
      align: 'right',
      render: (_, row) => {
        const change = changeOf(row.current, row.previous);
        return change.percent === null ? t(`direction.${change.direction}`) : formatPercent(change.percent, locale);
      },
    },
    {
      key: 'resolved',
      title: t('figures.resolved'),
      dataIndex: 'resolved',
      align: 'right',
      render: (n: number) => formatNumber(n, locale),
    },
    {
      key: 'sla',
      title: t('figures.slaCompliance'),
      dataIndex: 'slaCompliance',
      align: 'right',
      render: (share: number | null) => (share === null ? '—' : formatShare(share, locale)),
    },
    {
      key: 'hours',
      title: t('figures.avgHandlingHours'),
      dataIndex: 'avgHandlingHours',
      align: 'right',
      render: (hours: number | null) => (hours === null ? '—' : formatHours(hours, locale)),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={(row) => row.key ?? 'none'}
      columns={columns}
      dataSource={stats.rows}
      pagination={stats.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: true }}
      locale={{ emptyText: t('empty') }}
      data-testid="stats-table"
    />
  );
}
