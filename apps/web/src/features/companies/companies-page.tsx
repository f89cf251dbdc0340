import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { CustomerList } from '../customer-list/customer-list.tsx';
import { CompanyFormDrawer } from './company-form-drawer.tsx';

/** `/companies`: the shared list of companies, with saved views, filters, bulk actions and export. */
export function CompaniesPage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        subtitle={t('companies.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('companies.create')}
          </Button>
        }
      />
      <CustomerList entity="company" emptyText={t('companies.empty')} />
      <CompanyFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(company) => navigate(`/companies/${company.id}`)} />
    </>
  );
}
