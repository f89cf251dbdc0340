import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { CustomerList } from '../customer-list/customer-list.tsx';
import { ContactFormDrawer } from './contact-form-drawer.tsx';

/** `/contacts`: the people of the customer base, with saved views, filters, bulk actions and export. */
export function ContactsPage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

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
      <CustomerList entity="contact" emptyText={t('contacts.empty')} />
      <ContactFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(contact) => navigate(`/contacts/${contact.id}`)} />
    </>
  );
}
