import type { TSalesLine } from '@clientela/contract';
import { Descriptions, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from './money.ts';

type Document = {
  lines: TSalesLine[];
  currency: string;
  net: string;
  vat: string;
  total: string;
  totalBase: string | null;
  baseCurrency: string;
};

/** A quote's or an order's lines as the server priced them, with its totals (and the total in the base currency). */
export function LinesTable({ document }: { document: Document }) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const cash = (amount: string) => money(amount, document.currency, locale);
  const columns: TableColumnsType<TSalesLine> = [
    {
      key: 'description',
      title: t('lines.description'),
      render: (_, line) => (
        <Flex vertical>
          <span>{line.description}</span>
          {line.product?.sku && <Typography.Text type="secondary">{line.product.sku}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'quantity',
      title: t('lines.quantity'),
      align: 'right',
      className: 'nowrap',
      render: (_, line) => `${formatNumber(Number(line.quantity), locale)} ${line.unit}`,
    },
    { key: 'unitPrice', title: t('lines.unitPrice'), align: 'right', className: 'nowrap', render: (_, line) => cash(line.unitPrice) },
    {
      key: 'discount',
      title: t('lines.discount'),
      align: 'right',
      render: (_, line) => (Number(line.discountPercent) ? formatNumber(Number(line.discountPercent), locale) : '—'),
    },
    { key: 'vatRate', title: t('lines.vatRate'), align: 'right', render: (_, line) => formatNumber(Number(line.vatRate), locale) },
    { key: 'net', title: t('lines.net'), align: 'right', className: 'nowrap', render: (_, line) => cash(line.net) },
    { key: 'vat', title: t('lines.vat'), align: 'right', className: 'nowrap', render: (_, line) => cash(line.vat) },
    { key: 'total', title: t('lines.total'), align: 'right', className: 'nowrap', render: (_, line) => cash(line.total) },
  ];
  const items = [
    { key: 'net', label: t('totals.net'), children: <span data-testid="total-net">{cash(document.net)}</span> },
    { key: 'vat', label: t('totals.vat'), children: <span data-testid="total-vat">{cash(document.vat)}</span> },
    {
      key: 'total',
      label: t('totals.total'),
      children: (
        <Typography.Text strong data-testid="total">
          {cash(document.total)}
        </Typography.Text>
      ),
    },
    ...(document.currency !== document.baseCurrency
      ? [
          {
            key: 'totalBase',
            label: t('totals.totalBase', { currency: document.baseCurrency }),
            children:
              document.totalBase === null ? (
                <Typography.Text type="warning">{t('totals.noRate')}</Typography.Text>
              ) : (
                <span data-testid="total-base">{money(document.totalBase, document.baseCurrency, locale)}</span>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<TSalesLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={document.lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Descriptions column={1} size="small" items={items} style={{ minWidth: 280 }} />
      </Flex>
    </>
  );
}
