import { PlusOutlined } from '@ant-design/icons';
import type { TCompany } from '@clientela/contract';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { ListFilters } from '../customers/list-filters.tsx';
import { sortOf } from '../customers/sort.ts';
import { useListFilters } from '../customers/use-list-filters.ts';
import { useCompanies } from './api.ts';
import { companyColumns } from './company-columns.tsx';
import { CompanyFormDrawer } from './company-form-drawer.tsx';

/** `/companies`: the shared list of companies, searched, filtered, sorted and paged on the server. */
export function CompaniesPage() {
  const { t } = useTranslation('customers');
  const format = useFormatters();
  const navigate = useNavigate();
  const { state, setState, sort, setSort, filters } = useListFilters();
  const [creating, setCreating] = useState(false);
  const companies = useCompanies(filters);
  const rows = useMemo(() => companies.data?.pages.flatMap((page) => page.data) ?? [], [companies.data]);
  const total = companies.data?.pages[0]?.total ?? 0;

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
      <Card>
        <ListFilters value={state} onChange={setState} />
        <ErrorAlert error={companies.error} />
        <Table<TCompany>
          rowKey="id"
          columns={companyColumns({ t, sort, formatDate: format.date })}
          dataSource={rows}
          pagination={false}
          loading={companies.isPending || (companies.isFetching && !companies.isFetchingNextPage)}
          locale={{ emptyText: t('companies.empty') }}
          scroll={{ x: 720 }}
          tableLayout="auto"
          onChange={(_pagination, _filters, sorter) => setSort(sortOf(sorter))}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {t('list.shown', { shown: rows.length, total })}
          </Typography.Text>
          {companies.hasNextPage && (
            <Button onClick={() => companies.fetchNextPage()} loading={companies.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <CompanyFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(company) => navigate(`/companies/${company.id}`)} />
    </>
  );
}
