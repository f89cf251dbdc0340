import type { TNotContacted } from '@clientela/contract';
import { Flex, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatInstant, formatNumber } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useNotContacted } from './api.ts';
import { CustomerLink } from './customer-link.tsx';

/** Customers nobody has logged anything with for N days (90 at first), never-contacted first. */
export function NotContactedTab() {
  const { t } = useTranslation('rhythm');
  const { locale } = useLocale();
  const me = useMe();
  const [days, setDays] = useState(90);
  const list = useNotContacted(useDebouncedValue(days));

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="not-contacted-days">{t('notContacted.days')}</label>
        <InputNumber id="not-contacted-days" min={1} max={3650} precision={0} value={days} onChange={(value) => value && setDays(value)} />
        {list.data && (
          <Typography.Text type="secondary">
            {t('notContacted.summary', {
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
        <Table<TNotContacted>
          size="small"
          rowKey="id"
          dataSource={list.data?.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('notContacted.empty') }}
          aria-label={t('tabs.notContacted')}
          columns={[
            { key: 'name', title: t('columns.customer'), render: (_, row) => <CustomerLink customer={row} /> },
            { key: 'class', title: t('columns.class'), render: (_, row) => (row.class ? <Tag>{row.class}</Tag> : '') },
            {
              key: 'last',
              title: t('columns.lastActivity'),
              render: (_, row) => (row.lastActivityAt ? formatInstant(row.lastActivityAt, locale, me.timeZone, 'date') : t('never')),
            },
          ]}
        />
      )}
    </Flex>
  );
}
