import { PlusOutlined } from '@ant-design/icons';
import type { TContract } from '@clientela/contract';
import { Button, Card, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCompany } from '../companies/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useContractPages } from './api.ts';
import { contractColumns } from './contract-columns.tsx';
import { ContractFormDrawer } from './contract-form-drawer.tsx';

const PAGE_SIZE = 10;

/** A company's contracts, newest first, with a button for a new one already for that company. */
export function CompanyContractsList({ companyId }: { companyId: string }) {
  const { t } = useTranslation('contracts');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const company = useCompany(companyId);
  const [adding, setAdding] = useState(false);
  const contracts = useContractPages({ 'filter[companyId]': companyId }, PAGE_SIZE);
  const rows = useMemo(() => contracts.data?.pages.flatMap((page) => page.data) ?? [], [contracts.data]);

  return (
    <Card
      title={t('company.title')}
      data-testid="company-contracts"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!company.data}>
          {t('company.create')}
        </Button>
      }
    >
      <ErrorAlert error={contracts.error} />
      <Table<TContract>
        rowKey="id"
        size="small"
        columns={contractColumns({ t, locale, withoutCompany: true })}
        dataSource={rows}
        pagination={false}
        loading={contracts.isPending}
        locale={{ emptyText: t('company.empty') }}
        scroll={{ x: 'max-content' }}
      />
      {contracts.hasNextPage && (
        <Button type="link" onClick={() => contracts.fetchNextPage()} loading={contracts.isFetchingNextPage}>
          {t('contracts.loadMore')}
        </Button>
      )}
      <ContractFormDrawer
        open={adding}
        company={company.data ? { id: company.data.id, name: company.data.name } : undefined}
        onClose={() => setAdding(false)}
        onCreated={(contract) => navigate(`/contracts/${contract.id}`)}
      />
    </Card>
  );
}
