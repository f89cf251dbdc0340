import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { RENEWAL_STATES, type TContract, type TRenewalState } from '@clientela/contract';
import { Button, Card, Flex, Input, InputNumber, Segmented, Select, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useContractPages } from './api.ts';
import { contractColumns } from './contract-columns.tsx';
import { ContractFormDrawer } from './contract-form-drawer.tsx';
import { type ContractFilters, type Due, filtersFromParams, paramsFromFilters, queryOf } from './contract-query.ts';

function sortOf(sorter: SorterResult<TContract> | SorterResult<TContract>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return undefined;
  const field = String(one.columnKey);
  return one.order === 'descend' ? `-${field}` : field;
}

/** `/contracts`: every contract the user may see; those expiring soon or expired, by renewal state, searched by number or subject. */
export function ContractsPage() {
  const { t } = useTranslation('contracts');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.q);
  const q = useDebouncedValue(search);

  const change = (next: Partial<ContractFilters>) => setParams(paramsFromFilters({ ...filters, ...next }), { replace: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text changes the address.
  useEffect(() => {
    if (q !== filters.q) change({ q });
  }, [q]);

  const contracts = useContractPages(queryOf(filters));
  const rows = useMemo(() => contracts.data?.pages.flatMap((page) => page.data) ?? [], [contracts.data]);
  const total = contracts.data?.pages[0]?.total ?? 0;

  const dueOptions: { value: Due; label: string }[] = [
    { value: 'all', label: t('filters.all') },
    { value: 'expiring', label: t('filters.expiring') },
    { value: 'expired', label: t('filters.expired') },
  ];

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        subtitle={t('contracts.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contracts.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<Due> options={dueOptions} value={filters.due} onChange={(due) => change({ due })} aria-label={t('filters.due')} />
          {filters.due === 'expiring' && (
            <Flex align="center" gap={8}>
              <Typography.Text>{t('filters.within')}</Typography.Text>
              <InputNumber
                min={0}
                max={3660}
                precision={0}
                value={filters.days}
                onChange={(days) => typeof days === 'number' && change({ days })}
                aria-label={t('filters.days')}
                style={{ width: 90 }}
              />
              <Typography.Text>{t('filters.daysUnit', { count: filters.days })}</Typography.Text>
            </Flex>
          )}
        </Flex>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('filters.search')}
            aria-label={t('filters.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 320 }}
          />
          <Select<TRenewalState>
            allowClear
            placeholder={t('filters.anyRenewal')}
            aria-label={t('fields.renewal')}
            value={filters.renewal}
            onChange={(renewal) => change({ renewal })}
            options={RENEWAL_STATES.map((value) => ({ value, label: t(`renewal.${value}`) }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 220 }}
          />
        </Flex>
        <ErrorAlert error={contracts.error} />
        <Table<TContract>
          rowKey="id"
          columns={contractColumns({ t, locale, sort: filters.sort })}
          dataSource={rows}
          pagination={false}
          loading={contracts.isPending || (contracts.isFetching && !contracts.isFetchingNextPage)}
          locale={{ emptyText: t('contracts.empty') }}
          scroll={{ x: 'max-content' }}
          onChange={(_pagination, _filters, sorter) => change({ sort: sortOf(sorter) })}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {t('contracts.shown', { shown: rows.length, total })}
          </Typography.Text>
          {contracts.hasNextPage && (
            <Button onClick={() => contracts.fetchNextPage()} loading={contracts.isFetchingNextPage}>
              {t('contracts.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <ContractFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(contract) => navigate(`/contracts/${contract.id}`)}
      />
    </>
  );
}
