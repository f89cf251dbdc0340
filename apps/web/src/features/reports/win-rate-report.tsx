import { type TWinRateGrouping, type TWinRateRow, WIN_RATE_GROUPINGS } from '@clientela/contract';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartOption } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useReport } from './api.ts';
import { dealsUrlFor } from './drill-down.ts';
import { ReportChart } from './report-chart.tsx';
import { ControlsRow, ExportReportButton, GroupingSelect, PeriodPicker, RefreshedAt, UnitFilter } from './report-controls.tsx';
import { compactNumber, money, percent, periodLabel } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

/** Won and lost deals per group, the win rate and what was won; a click opens the won deals. */
export function WinRateReport() {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { get } = useReportParams();
  const groupBy = (WIN_RATE_GROUPINGS.find((one) => one === get('groupBy')) ?? 'owner') as TWinRateGrouping;
  const params = { groupBy, from: get('from'), to: get('to'), unitId: get('unitId') };
  const report = useReport('win-rate', params);
  const data = report.data;
  const currency = data?.baseCurrency ?? 'EUR';
  const labelOf = (row: { key: string | null; label: string }) =>
    row.key === null ? t('none') : groupBy === 'month' || groupBy === 'quarter' ? periodLabel(row.key, locale) : row.label;
  const drill = (row: TWinRateRow) => navigate(dealsUrlFor([{ dimension: groupBy, key: row.key }], params));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the grouping.
  const option = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: rows.map(labelOf) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: [
        { id: 'won', name: t('table.won'), type: 'bar', stack: 'closed', data: rows.map((row) => row.won), color: '#52c41a' },
        { id: 'lost', name: t('table.lost'), type: 'bar', stack: 'closed', data: rows.map((row) => row.lost), color: '#ff7875' },
      ],
    };
  }, [data, groupBy, locale]);

  const columns: TableColumnsType<TWinRateRow> = [
    { key: 'group', title: t('table.group'), render: (_, row) => labelOf(row) },
    { key: 'won', title: t('table.won'), align: 'right', dataIndex: 'won' },
    { key: 'lost', title: t('table.lost'), align: 'right', dataIndex: 'lost' },
    { key: 'rate', title: t('table.winRate'), align: 'right', render: (_, row) => percent(row.winRate, locale) },
    { key: 'amount', title: t('table.wonAmount'), align: 'right', render: (_, row) => money(row.wonAmount, currency, locale) },
  ];
  return (
    <>
      <ControlsRow>
        <GroupingSelect options={WIN_RATE_GROUPINGS} param="groupBy" fallback="owner" label={t('controls.groupBy')} />
        <PeriodPicker />
        <UnitFilter />
        <ExportReportButton report="win-rate" params={params} />
        <RefreshedAt query={report} />
      </ControlsRow>
      <ErrorAlert error={report.error} />
      <ReportChart option={option} label={t('chart.winRate')} onItemClick={(index) => data?.rows[index] && drill(data.rows[index])} />
      <Table<TWinRateRow>
        rowKey={(row) => row.key ?? ''}
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={report.isPending}
        pagination={false}
        locale={{ emptyText: t('table.empty') }}
        onRow={(row) => ({ onClick: () => drill(row), style: { cursor: 'pointer' } })}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('table.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.total.won}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.total.lost}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {percent(data.total.winRate, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {money(data.total.wonAmount, currency, locale)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
