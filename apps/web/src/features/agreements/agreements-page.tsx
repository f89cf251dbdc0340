import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { AGREEMENT_STATUSES, type TAgreement } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { AgreementDrawer } from './agreement-drawer.tsx';
import { AgreementFormModal } from './agreement-form-modal.tsx';
import { AgreementCustomer, AgreementStatusTag, BindingTag } from './agreement-tags.tsx';
import { useAgreementPages } from './api.ts';
import { DEFAULT_SORT, useAgreementFilters } from './use-agreement-filters.ts';

const SORTABLE = ['agreedOn', 'updatedAt'] as const;

function sortOrder(sort: string, field: string) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function sortOf(sorter: SorterResult<TAgreement> | SorterResult<TAgreement>[]): string {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const key = String(one?.columnKey ?? '');
  if (!one?.order || !(SORTABLE as readonly string[]).includes(key)) return DEFAULT_SORT;
  return one.order === 'descend' ? `-${key}` : key;
}

/** `/agreements`: every promise made to or by a customer, company-wide; what binds us first to hand. */
export function AgreementsPage() {
  const { t } = useTranslation('relationships');
  const format = useFormatters();
  const filters = useAgreementFilters();
  const agreements = useAgreementPages(filters.query);
  const [creating, setCreating] = useState(false);
  const rows = agreements.data?.pages.flatMap((page) => page.data) ?? [];
  const total = agreements.data?.pages[0]?.total ?? 0;
  const number = (value: number) => formatNumber(value, format.locale);

  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('agreements.new')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={filters.text}
            onChange={(event) => filters.setText(event.target.value)}
            placeholder={t('page.searchPlaceholder')}
            aria-label={t('page.search')}
            style={{ flex: '1 1 280px', maxWidth: 420 }}
          />
          <Select
            mode="multiple"
            allowClear
            value={filters.statuses}
            onChange={filters.setStatuses}
            placeholder={t('page.allStatuses')}
            aria-label={t('page.statusFilter')}
            options={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))}
            style={{ minWidth: 220 }}
          />
          <Checkbox checked={filters.binding} onChange={(event) => filters.setBinding(event.target.checked)}>
            {t('page.bindingOnly')}
          </Checkbox>
        </Flex>
        <ErrorAlert error={agreements.error} />
        <Table<TAgreement>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          loading={agreements.isPending || (agreements.isFetching && !agreements.isFetchingNextPage)}
          // Nothing is said to be missing while the first page is on its way.
          locale={{ emptyText: agreements.isPending ? ' ' : t('page.empty') }}
          scroll={{ x: 'max-content' }}
          onChange={(_pagination, _filters, sorter) => filters.setSort(sortOf(sorter))}
          onRow={(agreement) => ({ onClick: () => filters.open(agreement.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'title',
              title: t('page.columns.title'),
              width: 260,
              render: (_, agreement) => (
                <Flex vertical gap={2}>
                  <Link to={{ search: filters.openSearch(agreement.id) }} onClick={(event) => event.stopPropagation()}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {agreement.title}
                    </Typography.Text>
                  </Link>
                  {agreement.resource && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {agreement.resource}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'status',
              title: t('page.columns.status'),
              width: 110,
              render: (_, agreement) => (
                <Flex vertical gap={4} align="flex-start">
                  <AgreementStatusTag status={agreement.status} />
                  {agreement.binding && <BindingTag />}
                </Flex>
              ),
            },
            {
              key: 'customer',
              title: t('page.columns.customer'),
              width: 170,
              render: (_, agreement) => (
                // Links to the customer open it, not the agreement.
                // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click from also opening the agreement.
                // biome-ignore lint/a11y/useKeyWithClickEvents: the links inside have their own keyboard handling.
                <span onClick={(event) => event.stopPropagation()}>
                  <AgreementCustomer agreement={agreement} />
                </span>
              ),
            },
            {
              key: 'agreedOn',
              title: t('page.columns.agreedOn'),
              width: 130,
              sorter: true,
              sortOrder: sortOrder(filters.sort, 'agreedOn'),
              sortDirections: ['descend', 'ascend'],
              render: (_, agreement) => (
                <Flex vertical gap={2}>
                  <span className="nowrap">{format.calendarDate(agreement.agreedOn)}</span>
                  {agreement.agreedBy && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {agreement.agreedBy.name}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'validUntil',
              title: t('page.columns.validUntil'),
              width: 120,
              render: (_, agreement) => (agreement.validUntil ? format.calendarDate(agreement.validUntil) : t('agreements.noEnd')),
            },
            {
              key: 'updatedAt',
              title: t('page.columns.updatedAt'),
              width: 120,
              sorter: true,
              sortOrder: sortOrder(filters.sort, 'updatedAt'),
              sortDirections: ['descend', 'ascend'],
              render: (_, agreement) => format.date(agreement.updatedAt),
            },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" data-testid="list-total">
              {t('page.shown', { shown: number(rows.length), total: number(total) })}
            </Typography.Text>
            {agreements.hasNextPage && (
              <Button onClick={() => agreements.fetchNextPage()} loading={agreements.isFetchingNextPage}>
                {t('agreements.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <AgreementDrawer id={filters.openId} onClose={() => filters.open(undefined)} />
      <AgreementFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
