import { CUSTOMER_GROUPINGS, type TCustomerGrouping, type TGroupedReportRow } from '@clientela/contract';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useReport } from './api.ts';
import { ReportChart } from './report-chart.tsx';
import { ControlsRow, ExportReportButton, GroupingSelect, RefreshedAt, UnitFilter } from './report-controls.tsx';
import { compactNumber } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

/** How many customers there are by region, status, manager or class, up to two levels. */
export function CustomersReport() {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const { get } = useReportParams();
  const groupBy = (CUSTOMER_GROUPINGS.find((one) => one === get('groupBy')) ?? 'region') as TCustomerGrouping;
  const thenBy = CUSTOMER_GROUPINGS.find((one) => one === get('thenBy') && one !== groupBy);
  const params = { groupBy, thenBy, unitId: get('unitId') };
  const report = useReport('customers', params);
  const data = report.data;
  const labelOf = (grouping: string, row: { key: string | null; label: string }) =>
    row.key === null ? t('none') : grouping === 'status' ? t(`status.${row.key}`, { defaultValue: row.key }) : row.label || row.key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the groupings.
  const option = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    const subKeys = thenBy ? [...new Map(rows.flatMap((row) => row.children ?? []).map((c) => [c.key ?? '', c])).values()] : [];
    return {
      tooltip: { trigger: 'axis' },
      legend: thenBy ? { type: 'scroll', bottom: 0 } : { show: false },
      grid: { left: 8, right: 8, top: 16, bottom: thenBy ? 40 : 8 },
      xAxis: { type: 'category', data: rows.map((row) => labelOf(groupBy, row)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: thenBy
        ? subKeys.map((sub) => ({
            id: sub.key ?? '',
            name: labelOf(thenBy, sub),
            type: 'bar' as const,
            stack: 'total',
            data: rows.map((row) => row.children?.find((c) => c.key === sub.key)?.count ?? 0),
          }))
        : [{ id: 'count', name: t('table.customers'), type: 'bar' as const, data: rows.map((row) => row.count) }],
    };
  }, [data, groupBy, thenBy, locale]);

  const columns: TableColumnsType<TGroupedReportRow> = [
    { key: 'group', title: t('table.group'), render: (_, row) => labelOf(groupBy, row) },
    {
      key: 'sub',
      title: thenBy ? t(`grouping.${thenBy}`) : '',
      render: (_, row) =>
        (row.children ?? []).map((child) => `${labelOf(thenBy ?? groupBy, child)}: ${child.count.toLocaleString(locale)}`).join(' · '),
    },
    { key: 'count', title: t('table.customers'), align: 'right', render: (_, row) => row.count.toLocaleString(locale) },
  ];
  return (
    <>
      <ControlsRow>
        <GroupingSelect options={CUSTOMER_GROUPINGS} param="groupBy" fallback="region" label={t('controls.groupBy')} />
        <GroupingSelect options={CUSTOMER_GROUPINGS} param="thenBy" label={t('controls.thenBy')} />
        <UnitFilter />
        <ExportReportButton report="customers" params={params} />
        <RefreshedAt query={report} />
      </ControlsRow>
      <ErrorAlert error={report.error} />
      <ReportChart option={option} label={t('chart.customers')} />
      <Table<TGroupedReportRow>
        rowKey={(row) => row.key ?? ''}
        size="middle"
        columns={thenBy ? columns : columns.filter((column) => column.key !== 'sub')}
        dataSource={data?.rows ?? []}
        loading={report.isPending}
        pagination={false}
        expandable={{ childrenColumnName: 'none' }}
        locale={{ emptyText: t('table.empty') }}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={thenBy ? 2 : 1}>
                <Typography.Text strong>{t('table.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{data.total.count.toLocaleString(locale)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
