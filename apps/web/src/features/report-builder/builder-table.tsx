import type { TBuilderReport, TGroupedReportRow } from '@clientela/contract';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from '../reports/report-format.ts';
import { dimensionLabel, groupLabel } from './builder-labels.ts';

type Props = {
  report: TBuilderReport;
  loading: boolean;
  /** Opens the records behind a row; absent when the list cannot show exactly them. */
  drillable?: ((row: TGroupedReportRow, child?: TGroupedReportRow) => boolean) | undefined;
  onPick?: ((row: TGroupedReportRow, child?: TGroupedReportRow) => void) | undefined;
};

/** The figures as a table: a row per group, its subgroups when unfolded, the total last. */
export function BuilderTable({ report, loading, drillable, onPick }: Props) {
  const { t } = useTranslation('reportBuilder');
  const { locale } = useLocale();
  const { entity, groupBy, thenBy, measure, baseCurrency } = report;
  const withAmount = measure !== 'count';
  const amount = (value: string | null) => (value === null ? '—' : money(value, baseCurrency, locale));

  const columnsFor = (grouping: typeof groupBy, titled: boolean): TableColumnsType<TGroupedReportRow> => [
    {
      key: 'group',
      ...(titled ? { title: dimensionLabel(t, entity, groupBy) } : {}),
      render: (_, row) => groupLabel(t, locale, entity, grouping, row),
    },
    {
      key: 'count',
      ...(titled ? { title: t('table.count') } : {}),
      align: 'right',
      width: 140,
      render: (_, row) => formatNumber(row.count, locale),
    },
    ...(withAmount
      ? [
          {
            key: 'amount',
            ...(titled ? { title: t(`measures.${measure}`) } : {}),
            align: 'right' as const,
            width: 180,
            className: 'nowrap',
            render: (_: unknown, row: TGroupedReportRow) => amount(row.amount),
          },
        ]
      : []),
  ];
  const rowProps = (row: TGroupedReportRow, child?: TGroupedReportRow) => {
    const can = Boolean(onPick && drillable?.(row, child));
    return can ? { onClick: () => onPick?.(row, child), style: { cursor: 'pointer' } } : {};
  };

  return (
    <Table<TGroupedReportRow>
      rowKey={(row) => row.key ?? ''}
      size="middle"
      columns={columnsFor(groupBy, true)}
      dataSource={report.rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('table.empty') }}
      onRow={(row) => rowProps(row)}
      expandable={
        thenBy
          ? {
              rowExpandable: (row) => Boolean(row.children?.length),
              expandedRowRender: (row) => (
                <Table<TGroupedReportRow>
                  rowKey={(child) => child.key ?? ''}
                  size="small"
                  showHeader={false}
                  columns={columnsFor(thenBy, false)}
                  dataSource={row.children}
                  pagination={false}
                  onRow={(child) => rowProps(row, child)}
                />
              ),
              childrenColumnName: 'none',
            }
          : { childrenColumnName: 'none' }
      }
      summary={() => (
        <Table.Summary.Row>
          {thenBy && <Table.Summary.Cell index={-1} />}
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('table.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong data-testid="builder-total-count">
              {formatNumber(report.total.count, locale)}
            </Typography.Text>
          </Table.Summary.Cell>
          {withAmount && (
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong data-testid="builder-total-amount">
                {amount(report.total.amount)}
              </Typography.Text>
            </Table.Summary.Cell>
          )}
        </Table.Summary.Row>
      )}
    />
  );
}
