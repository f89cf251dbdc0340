import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ORDER_STATUSES, type TOrder, type TOrderStatus } from '@clientela/contract';
import { Button, Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useOrderPages } from './api.ts';
import { money } from './money.ts';
import { OrderEditor } from './order-editor.tsx';
import { OrderStatusTag } from './status-tag.tsx';

/**
 * `/orders`: the orders, newest first, searched and filtered by status and branch, with what each
 * still leaves owed. On `/orders/new` the editor for an order made by hand is open over it,
 * prefilled with `?companyId=` when given (a company's page links so).
 */
export function OrdersPage({ creating = false }: { creating?: boolean }) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The editor closes after saving too: by then the page is on its way to the new order.
  const saved = useRef(false);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  const [status, setStatus] = useState<TOrderStatus>();
  const [unitId, setUnitId] = useState<string | null>(null);
  const orders = useOrderPages({ q: q || undefined, 'filter[status]': status, 'filter[unitId]': unitId ?? undefined });
  const rows = useMemo(() => orders.data?.pages.flatMap((page) => page.data) ?? [], [orders.data]);
  const total = orders.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<TOrder> = [
    {
      key: 'number',
      title: t('fields.number'),
      className: 'nowrap',
      render: (_, order) => <Link to={`/orders/${order.id}`}>{order.number}</Link>,
    },
    {
      key: 'company',
      title: t('fields.company'),
      render: (_, order) => <Link to={`/companies/${order.company.id}`}>{order.company.name}</Link>,
    },
    { key: 'status', title: t('fields.status'), render: (_, order) => <OrderStatusTag status={order.status} /> },
    { key: 'branch', title: t('fields.branch'), render: (_, order) => order.unit?.name ?? '—' },
    {
      key: 'orderedOn',
      title: t('fields.orderedOn'),
      className: 'nowrap',
      render: (_, order) => formatCalendarDate(order.orderedOn, locale),
    },
    {
      key: 'total',
      title: t('fields.total'),
      align: 'right',
      className: 'nowrap',
      render: (_, order) => money(order.total, order.currency, locale),
    },
    {
      key: 'receivable',
      title: t('order.receivable'),
      align: 'right',
      className: 'nowrap',
      render: (_, order) => money(order.receivable, order.currency, locale),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
            {t('orders.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('orders.search')}
            aria-label={t('orders.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <Select<TOrderStatus>
            allowClear
            aria-label={t('list.status')}
            placeholder={t('list.anyStatus')}
            value={status}
            onChange={setStatus}
            options={ORDER_STATUSES.map((value) => ({ value, label: t(`orderStatus.${value}`) }))}
            style={{ minWidth: 160 }}
          />
          <div style={{ minWidth: 220 }}>
            <UnitSelect value={unitId} onChange={setUnitId} placeholder={t('orders.anyBranch')} aria-label={t('fields.branch')} />
          </div>
        </Flex>
        <ErrorAlert error={orders.error} />
        <Table<TOrder>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={orders.isPending || (orders.isFetching && !orders.isFetchingNextPage)}
          locale={{ emptyText: t('orders.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('list.shown', { shown: rows.length, count: total })}</Typography.Text>
          {orders.hasNextPage && (
            <Button onClick={() => orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      {creating && (
        <OrderEditor
          open
          companyId={params.get('companyId') ?? undefined}
          onClose={() => {
            if (!saved.current) navigate('/orders', { replace: true });
          }}
          onSaved={(order) => {
            saved.current = true;
            navigate(`/orders/${order.id}`);
          }}
        />
      )}
    </>
  );
}

/** `/orders/new`: the orders with the editor of a new order open. */
export function NewOrderPage() {
  return <OrdersPage creating />;
}
