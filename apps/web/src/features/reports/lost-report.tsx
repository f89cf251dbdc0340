import { type TLostReasonRow, type TWinRateGrouping, type TWonLostRow, WIN_RATE_GROUPINGS } from '@clientela/contract';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartOption } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { dealReportFileUrl, useDealReport } from './deal-reports-api.ts';
import { dealsUrlFor } from './drill-down.ts';
import { ReportChart } from './report-chart.tsx';
import { ControlsRow, ExportReportButton, GroupingSelect, PeriodPicker, RefreshedAt, UnitFilter } from './report-controls.tsx';
import { compactNumber, money, percent, periodLabel } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

const WON_COLOR = '#52c41a';
const LOST_COLOR = '#ff7875';

/**
 * Won and lost deals per period, branch, manager or product with what each brought or cost, and the
 * lost ones by the reason given; bars, counts and reasons open the deals behind them.
 */
export function LostReport() {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { get } = useReportParams();
  const groupBy = (WIN_RATE_GROUPINGS.find((one) => one === get('groupBy')) ?? 'owner') as TWinRateGrouping;
  const params = { groupBy, from: get('from'), to: get('to'), unitId: get('unitId') };
  const report = useDealReport('won-lost', params);
  const data = report.data;
  const currency = data?.baseCurrency ?? 'EUR';
  const labelOf = (row: { key: string | null; label: string }) =>
    row.key === null ? t('none') : groupBy === 'month' || groupBy === 'quarter' ? periodLabel(row.key, locale) : row.label;
  const reasonOf = (row: TLostReasonRow) => (row.key === null ? t('wonLost.noReason') : row.label);
  const openGroup = (row: TWonLostRow, status: 'won' | 'lost') =>
    navigate(dealsUrlFor([{ dimension: groupBy, key: row.key }], params, { status }));
  const openReason = (row: TLostReasonRow) => navigate(dealsUrlFor([], params, { status: 'lost', lostReason: row.key }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the grouping.
  const groups = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatNumber(Number(value), locale) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: rows.map(labelOf) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: [
        { id: 'won', name: t('table.won'), type: 'bar', data: rows.map((row) => row.won), color: WON_COLOR },
        { id: 'lost', name: t('table.lost'), type: 'bar', data: rows.map((row) => row.lost), color: LOST_COLOR },
      ],
    };
  }, [data, groupBy, locale]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the language.
  const reasons = useMemo((): ChartOption => {
    const rows = data?.reasons ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatNumber(Number(value), locale) },
      grid: { left: 8, right: 24, top: 8, bottom: 8 },
      yAxis: { type: 'category', inverse: true, data: rows.map(reasonOf) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: [{ id: 'lost', name: t('wonLost.count'), type: 'bar', data: rows.map((row) => row.count), color: LOST_COLOR }],
    };
  }, [data, locale]);

  const count = (row: TWonLostRow, status: 'won' | 'lost') => (
    <Button type="link" size="small" aria-label={`${labelOf(row)}: ${t(`table.${status}`)}`} onClick={() => openGroup(row, status)}>
      {formatNumber(row[status], locale)}
    </Button>
  );
  const columns: TableColumnsType<TWonLostRow> = [
    { key: 'group', title: t('table.group'), render: (_, row) => labelOf(row) },
    { key: 'won', title: t('table.won'), align: 'right', render: (_, row) => count(row, 'won') },
    { key: 'lost', title: t('table.lost'), align: 'right', render: (_, row) => count(row, 'lost') },
    { key: 'rate', title: t('table.winRate'), align: 'right', render: (_, row) => percent(row.winRate, locale) },
    { key: 'wonAmount', title: t('table.wonAmount'), align: 'right', render: (_, row) => money(row.wonAmount, currency, locale) },
    { key: 'lostAmount', title: t('wonLost.lostAmount'), align: 'right', render: (_, row) => money(row.lostAmount, currency, locale) },
  ];
  const reasonColumns: TableColumnsType<TLostReasonRow> = [
    { key: 'reason', title: t('wonLost.reason'), render: (_, row) => reasonOf(row) },
    { key: 'count', title: t('wonLost.count'), align: 'right', render: (_, row) => formatNumber(row.count, locale) },
    { key: 'amount', title: t('wonLost.amount'), align: 'right', render: (_, row) => money(row.amount, currency, locale) },
    { key: 'share', title: t('wonLost.share'), align: 'right', render: (_, row) => percent(row.share, locale) },
  ];
  const total = data?.total;
  return (
    <>
      <ControlsRow>
        <GroupingSelect options={WIN_RATE_GROUPINGS} param="groupBy" fallback="owner" label={t('controls.groupBy')} />
        <PeriodPicker />
        <UnitFilter />
        <ExportReportButton report="won-lost" url={dealReportFileUrl('won-lost', params)} />
        <RefreshedAt query={report} />
      </ControlsRow>
      <ErrorAlert error={report.error} />
      <ReportChart
        option={groups}
        label={t('chart.wonLost')}
        onItemClick={(index, series) => {
          const row = data?.rows[index];
          if (row) openGroup(row, series === 'lost' ? 'lost' : 'won');
        }}
      />
      <Table<TWonLostRow>
        rowKey={(row) => row.key ?? ''}
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={report.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('table.empty') }}
        summary={() =>
          total ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('table.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatNumber(total.won, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatNumber(total.lost, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {percent(total.winRate, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {money(total.wonAmount, currency, locale)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <span data-testid="lost-total">{money(total.lostAmount, currency, locale)}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('wonLost.reasons')}
      </Typography.Title>
      {(data?.reasons.length ?? 0) > 0 && (
        <ReportChart
          option={reasons}
          label={t('chart.lostReasons')}
          height={Math.max(160, (data?.reasons.length ?? 0) * 40)}
          onItemClick={(index) => {
            const row = data?.reasons[index];
            if (row) openReason(row);
          }}
        />
      )}
      <Table<TLostReasonRow>
        rowKey={(row) => row.key ?? ''}
        size="middle"
        columns={reasonColumns}
        dataSource={data?.reasons ?? []}
        loading={report.isPending}
        pagination={false}
        locale={{ emptyText: t('wonLost.emptyReasons') }}
        onRow={(row) => ({ onClick: () => openReason(row), style: { cursor: 'pointer' } })}
        data-testid="lost-reasons"
      />
    </>
  );
}
