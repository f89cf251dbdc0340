import { BarChartOutlined, PlusOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, type TCaseSummary } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useCasePages, useCaseTypes } from './api.ts';
import { CaseCustomer, CasePriorityTag, CaseSlaText, CaseStatusTag } from './case-tags.tsx';
import { RegisterCaseButton } from './register-case-button.tsx';
import { DEFAULT_SORT, useCaseFilters } from './use-case-filters.ts';

const SORTABLE = ['createdAt', 'priority', 'resolutionDueAt'] as const;

function sortOrder(sort: string, field: string) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function sortOf(sorter: SorterResult<TCaseSummary> | SorterResult<TCaseSummary>[]): string {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const key = String(one?.columnKey ?? '');
  if (!one?.order || !(SORTABLE as readonly string[]).includes(key)) return DEFAULT_SORT;
  return one.order === 'descend' ? `-${key}` : key;
}

/** `/cases`: complaints, requests and questions, the open ones first to hand, with how much SLA time each has left. */
export function CasesPage() {
  const { t } = useTranslation('cases');
  const me = useMe();
  const format = useFormatters();
  const filters = useCaseFilters();
  const cases = useCasePages(filters.query);
  const types = useCaseTypes();
  const rows = cases.data?.pages.flatMap((page) => page.data) ?? [];
  const total = cases.data?.pages[0]?.total ?? 0;
  const number = (value: number) => formatNumber(value, format.locale);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Link to="/cases/statistics">
              <Button icon={<BarChartOutlined />}>{t('list.statistics')}</Button>
            </Link>
            {me.role === 'admin' && (
              <Link to="/cases/settings">
                <Button icon={<SettingOutlined />}>{t('list.settings')}</Button>
              </Link>
            )}
            <RegisterCaseButton type="primary" icon={<PlusOutlined />} />
          </Flex>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={filters.text}
            onChange={(event) => filters.setText(event.target.value)}
            placeholder={t('list.searchPlaceholder')}
            aria-label={t('list.search')}
            style={{ flex: '1 1 240px', maxWidth: 360 }}
          />
          <Select
            value={filters.all ? 'all' : 'open'}
            onChange={(value) => filters.setAll(value === 'all')}
            aria-label={t('list.openOrAll')}
            disabled={filters.statuses.length > 0}
            options={[
              { value: 'open', label: t('list.openOnly') },
              { value: 'all', label: t('list.allCases') },
            ]}
            style={{ width: 150 }}
          />
          <Select
            mode="multiple"
            allowClear
            value={filters.statuses}
            onChange={filters.setStatuses}
            placeholder={t('list.anyStatus')}
            aria-label={t('list.statusFilter')}
            options={CASE_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
            style={{ minWidth: 180 }}
          />
          <Select
            allowClear
            value={filters.typeId}
            onChange={filters.setTypeId}
            placeholder={t('list.anyType')}
            aria-label={t('list.typeFilter')}
            loading={types.isPending}
            options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
            style={{ minWidth: 170 }}
          />
          <Select
            allowClear
            value={filters.channel}
            onChange={filters.setChannel}
            placeholder={t('list.anyChannel')}
            aria-label={t('list.channelFilter')}
            options={CASE_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
            style={{ minWidth: 150 }}
          />
          <Select
            allowClear
            value={filters.priority}
            onChange={filters.setPriority}
            placeholder={t('list.anyPriority')}
            aria-label={t('list.priorityFilter')}
            options={CASE_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
            style={{ minWidth: 140 }}
          />
          <Select
            allowClear
            value={filters.sla}
            onChange={filters.setSla}
            placeholder={t('list.anySla')}
            aria-label={t('list.slaFilter')}
            options={[
              { value: 'breached', label: t('list.slaBreached') },
              { value: 'warning', label: t('list.slaWarning') },
            ]}
            style={{ minWidth: 160 }}
          />
          <div style={{ minWidth: 180 }}>
            <UserSelect
              value={filters.ownerId ?? null}
              onChange={(value) => filters.setOwnerId(value)}
              placeholder={t('list.anyOwner')}
              aria-label={t('list.ownerFilter')}
              style={{ width: '100%' }}
            />
          </div>
          <div style={{ minWidth: 180 }}>
            <UnitSelect
              value={filters.unitId ?? null}
              onChange={filters.setUnitId}
              placeholder={t('list.anyUnit')}
              aria-label={t('list.unitFilter')}
            />
          </div>
          {filters.customerScoped && (
            <Tag closable onClose={filters.clearCustomer} color="blue">
              {t('list.oneCustomer')}
            </Tag>
          )}
          <Checkbox checked={filters.mine} onChange={(event) => filters.setMine(event.target.checked)}>
            {t('list.mine')}
          </Checkbox>
        </Flex>
        <ErrorAlert error={cases.error} />
        <Table<TCaseSummary>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          loading={cases.isPending || (cases.isFetching && !cases.isFetchingNextPage)}
          locale={{ emptyText: cases.isPending ? ' ' : t('list.empty') }}
          scroll={{ x: 'max-content' }}
          onChange={(_pagination, _filters, sorter) => filters.setSort(sortOf(sorter))}
          columns={[
            {
              key: 'subject',
              title: t('fields.subject'),
              width: 280,
              render: (_, record) => (
                <Flex vertical gap={2}>
                  <Link to={`/cases/${record.id}`}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {record.subject}
                    </Typography.Text>
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {record.number}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'customer',
              title: t('fields.customer'),
              width: 180,
              render: (_, record) => <CaseCustomer record={record} />,
            },
            {
              key: 'type',
              title: t('fields.type'),
              width: 170,
              render: (_, record) => (
                <Flex vertical gap={2}>
                  <span>{record.type.name}</span>
                  {record.category && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {record.category.name}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'priority',
              title: t('fields.priority'),
              width: 100,
              sorter: true,
              sortOrder: sortOrder(filters.sort, 'priority'),
              sortDirections: ['descend', 'ascend'],
              render: (_, record) => <CasePriorityTag priority={record.priority} />,
            },
            {
              key: 'status',
              title: t('fields.status'),
              width: 130,
              render: (_, record) => <CaseStatusTag status={record.status} />,
            },
            {
              key: 'owner',
              title: t('fields.owner'),
              width: 160,
              render: (_, record) => (
                <Flex vertical gap={2}>
                  <span>
                    {record.owner?.name ?? (
                      <Typography.Text type="warning">{record.unit ? t('case.inQueue') : t('case.nobody')}</Typography.Text>
                    )}
                  </span>
                  {record.unit && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {record.unit.name}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'resolutionDueAt',
              title: t('fields.sla'),
              width: 170,
              sorter: true,
              sortOrder: sortOrder(filters.sort, 'resolutionDueAt'),
              sortDirections: ['ascend', 'descend'],
              render: (_, record) => <CaseSlaText sla={record.sla} />,
            },
            {
              key: 'createdAt',
              title: t('fields.created'),
              width: 130,
              sorter: true,
              sortOrder: sortOrder(filters.sort, 'createdAt'),
              sortDirections: ['descend', 'ascend'],
              render: (_, record) => <span className="nowrap">{format.dateTime(record.createdAt)}</span>,
            },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" data-testid="list-total">
              {t('list.shown', { shown: number(rows.length), total: number(total) })}
            </Typography.Text>
            {cases.hasNextPage && (
              <Button onClick={() => cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
                {t('list.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
