import { GiftOutlined, PlusOutlined } from '@ant-design/icons';
import type { TContact } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { ListFilters } from '../customers/list-filters.tsx';
import { sortOf } from '../customers/sort.ts';
import { useListFilters } from '../customers/use-list-filters.ts';
import { useContacts } from './api.ts';
import { contactColumns } from './contact-columns.tsx';
import { ContactFormDrawer } from './contact-form-drawer.tsx';

/** `/contacts`: the people of the customer base, searched, filtered and paged on the server. */
export function ContactsPage() {
  const { t } = useTranslation('customers');
  const format = useFormatters();
  const navigate = useNavigate();
  const { state, setState, sort, setSort, filters } = useListFilters();
  const [birthdays, setBirthdays] = useState(false);
  const [creating, setCreating] = useState(false);
  const contacts = useContacts({ ...filters, birthdayMonth: birthdays ? new Date().getMonth() + 1 : undefined });
  const rows = useMemo(() => contacts.data?.pages.flatMap((page) => page.data) ?? [], [contacts.data]);
  const total = contacts.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        subtitle={t('contacts.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contacts.create')}
          </Button>
        }
      />
      <Card>
        <ListFilters value={state} onChange={setState}>
          <Checkbox checked={birthdays} onChange={(event) => setBirthdays(event.target.checked)} style={{ alignSelf: 'center' }}>
            <GiftOutlined /> {t('contacts.birthdaysThisMonth')}
          </Checkbox>
        </ListFilters>
        <ErrorAlert error={contacts.error} />
        <Table<TContact>
          rowKey="id"
          columns={contactColumns({ t, sort, formatDay: format.calendarDate })}
          dataSource={rows}
          pagination={false}
          loading={contacts.isPending || (contacts.isFetching && !contacts.isFetchingNextPage)}
          locale={{ emptyText: t('contacts.empty') }}
          scroll={{ x: 720 }}
          tableLayout="auto"
          onChange={(_pagination, _filters, sorter) => setSort(sortOf(sorter))}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('list.shown', { shown: rows.length, total })}</Typography.Text>
          {contacts.hasNextPage && (
            <Button onClick={() => contacts.fetchNextPage()} loading={contacts.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <ContactFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(contact) => navigate(`/contacts/${contact.id}`)} />
    </>
  );
}
