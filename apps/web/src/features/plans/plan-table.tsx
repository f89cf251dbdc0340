import { InputNumber, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from '../reports/report-format.ts';
import { formatAmount, parseAmount } from './amount-input.ts';
import { cellValue, type Drafts, fromCents, type GridRow, rowKey, toCents } from './plan-grid.ts';

type Props = {
  months: string[];
  rows: GridRow[];
  drafts: Drafts;
  /** Rows a save was refused for. */
  refused: ReadonlySet<string>;
  currency: string;
  loading: boolean;
  onChange: (row: GridRow, month: string, value: string | null) => void;
};

/** "Mar" for "2026-03", in the user's language. */
const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** The grid of plans: a row per target, a column per month and the year; editable rows take amounts. */
export function PlanTable({ months, rows, drafts, refused, currency, loading, onChange }: Props) {
  const { t } = useTranslation('forecast');
  const { locale } = useLocale();
  const nameOf = (row: GridRow) => row.name ?? t('plans.wholeCompany');
  const rowSum = (row: GridRow) => months.reduce((sum, month) => sum + toCents(cellValue(row, drafts, month)), 0n);
  const columnSum = (month: string) => rows.reduce((sum, row) => sum + toCents(cellValue(row, drafts, month)), 0n);
  const shown = (cents: bigint) => money(fromCents(cents), currency, locale);

  const columns: TableColumnsType<GridRow> = [
    {
      key: 'target',
      title: t('plans.target'),
      fixed: 'left',
      width: 200,
      render: (_, row) => <Typography.Text type={refused.has(rowKey(row.targetId)) ? 'danger' : undefined}>{nameOf(row)}</Typography.Text>,
    },
    ...months.map((month) => ({
      key: month,
      title: monthName(month, locale),
      align: 'right' as const,
      width: 130,
      render: (_: unknown, row: GridRow) => {
        const value = cellValue(row, drafts, month);
        if (!row.editable) return value === null ? '' : money(value, currency, locale);
        return (
          <InputNumber<string>
            stringMode
            min="0"
            max="999999999999.99"
            precision={2}
            formatter={(amount, { userTyping, input }) => (userTyping ? input : formatAmount(amount, locale))}
            parser={(text) => parseAmount(text, locale)}
            controls={false}
            value={value}
            onChange={(next) => onChange(row, month, next ? next : null)}
            aria-label={t('plans.cell', { target: nameOf(row), month: monthName(month, locale) })}
            status={refused.has(rowKey(row.targetId)) ? 'error' : undefined}
            style={{ width: '100%' }}
          />
        );
      },
    })),
    {
      key: 'year',
      title: t('plans.yearTotal'),
      align: 'right',
      fixed: 'right',
      width: 140,
      className: 'nowrap',
      render: (_, row) => <span data-testid={`plan-total-${rowKey(row.targetId)}`}>{shown(rowSum(row))}</span>,
    },
  ];

  return (
    <Table<GridRow>
      rowKey={(row) => rowKey(row.targetId)}
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 200 + months.length * 130 + 140 }}
      locale={{ emptyText: t('plans.empty') }}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('plans.sum')}</Typography.Text>
            </Table.Summary.Cell>
            {months.map((month, i) => (
              <Table.Summary.Cell key={month} index={i + 1} align="right">
                {shown(columnSum(month))}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={months.length + 1} align="right">
              <Typography.Text strong data-testid="plan-grand-total">
                {shown(rows.reduce((sum, row) => sum + rowSum(row), 0n))}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
