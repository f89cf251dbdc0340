import { PlusOutlined } from '@ant-design/icons';
import type { TCompany } from '@clientela/contract';
import { Button, Card, List, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useContacts } from '../contacts/api.ts';
import { ContactFormDrawer } from '../contacts/contact-form-drawer.tsx';

/** The people of a company, with their role there; a new one comes already linked. */
export function CompanyContactsCard({ company }: { company: TCompany }) {
  const { t } = useTranslation('customers');
  const [adding, setAdding] = useState(false);
  const contacts = useContacts({ q: '', sort: 'name', companyId: company.id });
  const rows = useMemo(() => contacts.data?.pages.flatMap((page) => page.data) ?? [], [contacts.data]);

  return (
    <Card
      title={t('companies.contacts')}
      data-testid="company-contacts"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('companies.addContact')}
        </Button>
      }
    >
      <ErrorAlert error={contacts.error} />
      <List
        loading={contacts.isPending}
        dataSource={rows}
        locale={{ emptyText: t('companies.noContacts') }}
        renderItem={(contact) => {
          const role = contact.companies.find((link) => link.id === company.id)?.role || contact.position;
          return (
            <List.Item>
              <List.Item.Meta title={<Link to={`/contacts/${contact.id}`}>{contact.name}</Link>} description={role || undefined} />
              {contact.phones?.[0] && <Typography.Text>{contact.phones[0].value}</Typography.Text>}
            </List.Item>
          );
        }}
      />
      {contacts.hasNextPage && (
        <Button type="link" onClick={() => contacts.fetchNextPage()} loading={contacts.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
      <ContactFormDrawer open={adding} company={{ id: company.id, name: company.name }} onClose={() => setAdding(false)} />
    </Card>
  );
}
