import { PhoneOutlined } from '@ant-design/icons';
import type { TBirthday } from '@clientela/contract';
import { Button, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { loadRelationshipMessages } from '../../lib/relationship-messages.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useBirthdays } from './api.ts';

// The activity panel speaks the relationships namespace: its code and messages load when first opened.
const ActivityFormDrawer = lazy(async () => {
  const [module] = await Promise.all([import('../activities/activity-form-drawer.tsx'), loadRelationshipMessages()]);
  return { default: module.ActivityFormDrawer };
});

/** Contacts whose birthday is this week or this month, in day order, with a call to log. */
export function BirthdaysTab() {
  const { t } = useTranslation('rhythm');
  const { locale } = useLocale();
  const [range, setRange] = useState<'week' | 'month'>('week');
  const [calling, setCalling] = useState<TBirthday | null>(null);
  const list = useBirthdays(range);

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Segmented<'week' | 'month'>
          value={range}
          onChange={setRange}
          options={[
            { value: 'week', label: t('birthdays.week') },
            { value: 'month', label: t('birthdays.month') },
          ]}
          aria-label={t('birthdays.range')}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t('birthdays.between', { from: formatCalendarDate(list.data.from, locale), to: formatCalendarDate(list.data.to, locale) })}
          </Typography.Text>
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton active />
      ) : (
        <Table<TBirthday>
          size="small"
          rowKey="id"
          dataSource={list.data?.data ?? []}
          pagination={false}
          locale={{ emptyText: t('birthdays.empty') }}
          aria-label={t('tabs.birthdays')}
          columns={[
            { key: 'day', title: t('columns.day'), render: (_, row) => formatCalendarDate(row.celebratedOn, locale) },
            { key: 'name', title: t('columns.contact'), render: (_, row) => <Link to={`/contacts/${row.id}`}>{row.name}</Link> },
            { key: 'age', title: t('columns.age'), align: 'right', render: (_, row) => (row.age === null ? '—' : row.age) },
            { key: 'phone', title: t('columns.phone'), render: (_, row) => row.phone ?? '' },
            {
              key: 'call',
              title: '',
              render: (_, row) => (
                <Button size="small" icon={<PhoneOutlined />} onClick={() => setCalling(row)}>
                  {t('birthdays.logCall')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {calling && (
        <Suspense fallback={null}>
          <ActivityFormDrawer open onClose={() => setCalling(null)} about={{ contacts: [{ id: calling.id, name: calling.name }] }} />
        </Suspense>
      )}
    </Flex>
  );
}
