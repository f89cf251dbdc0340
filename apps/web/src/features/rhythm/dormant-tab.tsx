import type { TDormant } from '@clientela/contract';
import { Flex, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { money } from '../sales/money.ts';
import { useDormant } from './api.ts';

/** Companies that bought before but not in N months (6 at first), the most valuable first. */
export function DormantTab() {
  const { t } = useTranslation('rhythm');
  const { locale } = useLocale();
  const [months, setMonths] = useState(6);
  const list = useDormant(useDebouncedValue(months));
  const currency = list.data?.baseCurrency ?? 'EUR';

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="dormant-months">{t('dormant.months')}</label>
        <InputNumber id="dormant-months" min={1} max={120} precision={0} value={months} onChange={(value) => value && setMonths(value)} />
        {list.data && (
          <Typography.Text type="secondary">
            {t('dormant.summary', {
              count: list.data.total,
              total: formatNumber(list.data.total, locale),
              since: formatCalendarDate(list.data.since, locale),
            })}
          </Typography.Text>
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton active />
      ) : (
        <Table<TDormant>
          size="small"
          rowKey="id"
          dataSource={list.data?.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('dormant.empty') }}
          aria-label={t('tabs.dormant')}
          columns={[
            { key: 'name', title: t('columns.company'), render: (_, row) => <Link to={`/companies/${row.id}`}>{row.name}</Link> },
            { key: 'class', title: t('columns.class'), render: (_, row) => (row.class ? <Tag>{row.class}</Tag> : '') },
            { key: 'last', title: t('columns.lastPurchase'), render: (_, row) => formatCalendarDate(row.lastPurchaseOn, locale) },
            {
              key: 'revenue',
              title: t('columns.lifetimeRevenue'),
              align: 'right',
              render: (_, row) => money(row.lifetimeRevenueBase, currency, locale),
            },
          ]}
        />
      )}
    </Flex>
  );
}
