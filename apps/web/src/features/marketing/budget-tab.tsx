import type { TBudget } from '@clientela/contract';
import { App, Button, Card, Flex, InputNumber, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DECIMAL_SEPARATOR } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { moneyInput } from './campaign-payload.ts';
import { useBudget, useSaveBudget } from './campaigns-api.ts';
import { amountOf, useMarketingFormat } from './marketing-format.ts';

const BarsChart = lazy(async () => ({ default: (await import('./bars-chart.tsx')).BarsChart }));

type BudgetRow = TBudget['rows'][number];
const cellKey = (sourceId: string, month: string) => `${sourceId}|${month}`;

/** The year's planned spend per source and month, typed into a grid, with planned against actual per source. */
export function BudgetTab() {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const budget = useBudget(year);
  const save = useSaveBudget();
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const format = useMarketingFormat(budget.data?.baseCurrency);
  const monthName = (index: number) =>
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, index, 1));
  const rows = budget.data?.rows ?? [];
  const sourceRows = rows.filter((row) => row.source !== null);

  const changeYear = (next: number | null) => {
    if (!next) return;
    setEdits(new Map());
    setYear(next);
  };
  const edit = (key: string, value: number | null) => setEdits((previous) => new Map(previous).set(key, value));
  const submit = async () => {
    const cells = [...edits].map(([key, amount]) => {
      const [sourceId = '', month = ''] = key.split('|');
      return { sourceId, month, amount: moneyInput(amount ?? 0) ?? '0.00' };
    });
    if (cells.length === 0) return;
    await save.mutateAsync({ cells });
    setEdits(new Map());
    message.success(t('budget.saved'));
  };

  if (budget.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('budget.hint')}</Typography.Text>
      <Flex gap={16} align="center" wrap justify="space-between">
        <Flex gap={8} align="center">
          <Typography.Text>{t('budget.year')}</Typography.Text>
          <InputNumber min={2000} max={2100} value={year} onChange={changeYear} aria-label={t('budget.year')} />
        </Flex>
        <Button type="primary" onClick={submit} loading={save.isPending} disabled={edits.size === 0}>
          {tc('common.save')}
        </Button>
      </Flex>
      <ErrorAlert error={budget.error ?? save.error} />
      <Table<BudgetRow>
        rowKey={(row) => row.source?.id ?? 'none'}
        size="small"
        bordered
        dataSource={sourceRows}
        pagination={false}
        locale={{ emptyText: t('budget.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'source', title: t('budget.source'), fixed: 'left', render: (_, row) => row.source?.name },
          ...Array.from({ length: 12 }, (_, index) => ({
            key: `m${index}`,
            title: monthName(index),
            render: (_: unknown, row: BudgetRow) => {
              const cell = row.months[index];
              if (!row.source || !cell) return null;
              const key = cellKey(row.source.id, cell.month);
              const value = edits.has(key) ? edits.get(key) : amountOf(cell.planned);
              return (
                <InputNumber
                  size="small"
                  min={0}
                  precision={2}
                  controls={false}
                  decimalSeparator={DECIMAL_SEPARATOR[locale]}
                  value={value === 0 ? null : value}
                  onChange={(next) => edit(key, next)}
                  aria-label={t('budget.cell', { source: row.source.name, month: monthName(index) })}
                  style={{ width: 90 }}
                />
              );
            },
          })),
          { key: 'total', title: t('budget.total'), align: 'right', render: (_, row) => format.money(row.planned) },
        ]}
      />
      {rows.length > 0 && (
        <Card title={t('budget.plannedVsActual')} size="small">
          <Table<BudgetRow>
            rowKey={(row) => row.source?.id ?? 'none'}
            size="small"
            dataSource={rows}
            pagination={false}
            columns={[
              { key: 'source', title: t('budget.source'), render: (_, row) => row.source?.name ?? t('roi.noSource') },
              { key: 'planned', title: t('budget.planned'), align: 'right', render: (_, row) => format.money(row.planned) },
              { key: 'actual', title: t('budget.actual'), align: 'right', render: (_, row) => format.money(row.actual) },
            ]}
            summary={() =>
              budget.data && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('budget.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{format.money(budget.data.totals.planned)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <strong>{format.money(budget.data.totals.actual)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
          <Suspense fallback={<Skeleton active />}>
            <BarsChart
              categories={rows.map((row) => row.source?.name ?? t('roi.noSource'))}
              formatValue={(value) => format.money(value)}
              series={[
                { id: 'planned', name: t('budget.planned'), data: rows.map((row) => amountOf(row.planned) ?? 0) },
                { id: 'actual', name: t('budget.actual'), data: rows.map((row) => amountOf(row.actual) ?? 0) },
              ]}
            />
          </Suspense>
        </Card>
      )}
    </Flex>
  );
}
