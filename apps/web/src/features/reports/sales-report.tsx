import { PERIOD_GROUPINGS, SALES_GROUPINGS, type TGroupedReportRow, type TSalesGrouping } from '@clientela/contract';
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
import { BasisSelect, ControlsRow, ExportReportButton, GroupingSelect, PeriodPicker, RefreshedAt, UnitFilter } from './report-controls.tsx';
import { compactNumber, money, periodLabel } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

const isPeriod = (grouping: string) => (PERIOD_GROUPINGS as readonly string[]).includes(grouping);

/** Sales by one or two groupings over a period: a chart and a table with the total; a click opens the deals behind a figure. */
export function SalesReport() {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { get } = useReportParams();
  const groupBy = (SALES_GROUPINGS.find((one) => one === get('groupBy')) ?? 'month') as TSalesGrouping;
  const thenBy = SALES_GROUPINGS.find((one) => one === get('thenBy') && one !== groupBy);
  const basis = get('basis') === 'orders' ? 'orders' : undefined;
  const params = { groupBy, thenBy, from: get('from'), to: get('to'), basis, unitId: get('unitId') };
  const report = useReport('sales', params);
  const data = report.data;
  const currency = data?.baseCurrency ?? 'EUR';

  const labelOf = (grouping: string, row: { key: string | null; label: string }) =>
    row.key === null
      ? t('none')
      : isPeriod(grouping)
        ? periodLabel(row.key, locale)
        : grouping === 'region'
          ? row.label
          : row.label || row.key;
  // Drill-down lists deals: only won deals are behind the figures of that basis.
  const drill =
    basis === 'orders'
      ? undefined
      : (row: TGroupedReportRow, child?: TGroupedReportRow) =>
          navigate(
            dealsUrlFor(
              [{ dimension: groupBy, key: row.key }, ...(child && thenBy ? [{ dimension: thenBy, key: child.key }] : [])],
              params,
            ),
          );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the groupings.
  const option = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    const categories = rows.map((row) => labelOf(groupBy, row));
    // Periods read as a line once there are a few of them; one or two are clearer as bars.
    const line = isPeriod(groupBy) && !thenBy && rows.length > 2;
    const subKeys = thenBy ? [...new Map(rows.flatMap((row) => row.children ?? []).map((c) => [c.key ?? '', c])).values()] : [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => money(String(value), currency, locale) },
      legend: thenBy ? { type: 'scroll', bottom: 0 } : { show: false },
      grid: { left: 8, right: 8, top: 16, bottom: thenBy ? 40 : 8 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: thenBy
        ? subKeys.map((sub) => ({
            id: sub.key ?? '',
            name: labelOf(thenBy, sub),
            type: 'bar' as const,
            stack: 'total',
            data: rows.map((row) => Number(row.children?.find((c) => c.key === sub.key)?.amount ?? 0)),
          }))
        : [{ id: 'amount', name: t('table.amount'), type: line ? 'line' : 'bar', data: rows.map((row) => Number(row.amount)) }],
    } as ChartOption;
  }, [data, groupBy, thenBy, locale, currency]);

  const onChartClick = drill
    ? (index: number, seriesId: string | undefined) => {
        const row = data?.rows[index];
        if (!row) return;
        const child = thenBy ? row.children?.find((c) => (c.key ?? '') === seriesId) : undefined;
        drill(row, child);
      }
    : undefined;

  const columns: TableColumnsType<TGroupedReportRow> = [
    { key: 'group', title: t('table.group'), render: (_, row) => labelOf(groupBy, row) },
    { key: 'count', title: t('table.count'), align: 'right', render: (_, row) => row.count.toLocaleString(locale) },
    {
      key: 'amount',
      title: t('table.amount'),
      align: 'right',
      className: 'nowrap',
      render: (_, row) => money(row.amount, currency, locale),
    },
  ];
  const childColumns: TableColumnsType<TGroupedReportRow> = [
    { key: 'group', render: (_, row) => (thenBy ? labelOf(thenBy, row) : '') },
    { key: 'count', align: 'right', render: (_, row) => row.count.toLocaleString(locale) },
    { key: 'amount', align: 'right', render: (_, row) => money(row.amount, currency, locale) },
  ];

  return (
    <>
      <ControlsRow>
        <GroupingSelect options={SALES_GROUPINGS} param="groupBy" fallback="month" label={t('controls.groupBy')} />
        <GroupingSelect options={SALES_GROUPINGS} param="thenBy" label={t('controls.thenBy')} />
        <PeriodPicker />
        <BasisSelect />
        <UnitFilter />
        <ExportReportButton report="sales" params={params} />
        <RefreshedAt query={report} />
      </ControlsRow>
      <ErrorAlert error={report.error} />
      <ReportChart option={option} onItemClick={onChartClick} label={t('chart.sales')} />
      <Table<TGroupedReportRow>
        rowKey={(row) => row.key ?? ''}
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={report.isPending}
        pagination={false}
        locale={{ emptyText: t('table.empty') }}
        onRow={(row) => ({ onClick: () => drill?.(row), style: drill ? { cursor: 'pointer' } : undefined })}
        expandable={
          thenBy
            ? {
                rowExpandable: (row) => Boolean(row.children?.length),
                expandedRowRender: (row) => (
                  <Table<TGroupedReportRow>
                    rowKey={(child) => child.key ?? ''}
                    size="small"
                    showHeader={false}
                    columns={childColumns}
                    dataSource={row.children}
                    pagination={false}
                    onRow={(child) => ({ onClick: () => drill?.(row, child), style: drill ? { cursor: 'pointer' } : undefined })}
                  />
                ),
                childrenColumnName: 'none',
              }
            : { childrenColumnName: 'none' }
        }
        summary={() =>
          data ? (
            <Table.Summary.Row>
              {thenBy && <Table.Summary.Cell index={-1} />}
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('table.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{data.total.count.toLocaleString(locale)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong data-testid="sales-total">
                  {money(data.total.amount, currency, locale)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
