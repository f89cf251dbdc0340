import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { TOrderStatus } from '@clientela/contract';
import { Alert, App, Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Result, Row, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useOrder, useOrderStatus } from './api.ts';
import { CreditPanel } from './credit-panel.tsx';
import { InvoicedForm } from './invoiced-form.tsx';
import { LinesTable } from './lines-table.tsx';
import { money } from './money.ts';
import { OrderEditor } from './order-editor.tsx';
import { PaymentsCard } from './payments-card.tsx';
import { OrderStatusTag } from './status-tag.tsx';

const STEPS: TOrderStatus[] = ['new', 'confirmed', 'shipped', 'delivered'];
/** The statuses an order may move to, as the server allows them. */
const NEXT: Record<TOrderStatus, TOrderStatus[]> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};
const ACTION = { confirmed: 'order.confirm', shipped: 'order.ship', delivered: 'order.deliver', cancelled: 'order.cancel' } as const;

type Refusal = { status: TOrderStatus; exceeded: string[] };

/** `/orders/:id`: one order — its steps and the actions they allow, its lines, invoicing and payments, and any credit override. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const format = useFormatters();
  const order = useOrder(id);
  const setStatus = useOrderStatus();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overrideError, setOverrideError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);

  if (order.isPending) return <Skeleton active />;
  if (order.error || !order.data) {
    return (
      <Result
        status={isApiError(order.error) && order.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, order.error)}
        extra={<Link to="/orders">{t('order.back')}</Link>}
      />
    );
  }
  const data = order.data;
  const cash = (amount: string) => money(amount, data.currency, format.locale);

  const move = async (status: TOrderStatus, overrideReason?: string) => {
    setOverrideError(null);
    try {
      await setStatus.mutateAsync({ id: data.id, status, overrideReason });
      setRefusal(null);
      message.success(t('order.statusChanged', { status: t(`orderStatus.${status}`) }));
    } catch (error) {
      if (isApiError(error, 'credit_limit_exceeded')) setRefusal({ status, exceeded: error.errors.map((item) => item.path) });
      else if (overrideReason) setOverrideError(error);
      else message.error(errorMessage(tc, error));
    }
  };
  const request = (status: TOrderStatus) => {
    if (status !== 'cancelled') return move(status);
    modal.confirm({
      title: t('order.cancelConfirm', { number: data.number }),
      okText: t('order.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('order.keep'),
      onOk: () => move(status),
    });
  };

  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    { key: 'company', label: t('fields.company'), children: <Link to={`/companies/${data.company.id}`}>{data.company.name}</Link> },
    {
      key: 'contact',
      label: t('fields.contact'),
      children: data.contact ? <Link to={`/contacts/${data.contact.id}`}>{data.contact.name}</Link> : none,
    },
    { key: 'branch', label: t('fields.branch'), children: data.unit?.name ?? t('order.noBranch') },
    { key: 'orderedOn', label: t('fields.orderedOn'), children: format.calendarDate(data.orderedOn) },
    { key: 'deal', label: t('fields.deal'), children: data.deal ? <Link to={`/deals/${data.deal.id}`}>{data.deal.title}</Link> : none },
    {
      key: 'quote',
      label: t('order.fromQuote'),
      children: data.quote ? (
        <Link to={`/quotes/${data.quote.id}`}>{t('order.quoteNumber', { number: data.quote.number, version: data.quote.version })}</Link>
      ) : (
        none
      ),
    },
    { key: 'owner', label: t('fields.owner'), children: data.owner?.name ?? none },
    ...(data.notes
      ? [
          {
            key: 'notes',
            label: t('fields.notes'),
            span: 'filled' as const,
            children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.notes}</Typography.Paragraph>,
          },
        ]
      : []),
  ];
  const moneyItems: DescriptionsProps['items'] = [
    { key: 'total', label: t('totals.total'), children: cash(data.total) },
    { key: 'invoiced', label: t('order.invoiced'), children: <span data-testid="order-invoiced">{cash(data.invoiced)}</span> },
    { key: 'paid', label: t('order.paid'), children: <span data-testid="order-paid">{cash(data.paid)}</span> },
    {
      key: 'receivable',
      label: t('order.receivable'),
      children: (
        <Typography.Text strong data-testid="order-receivable">
          {cash(data.receivable)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <Link to="/orders">
        <ArrowLeftOutlined /> {t('order.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('order.heading', { number: data.number })}
          </Typography.Title>
          <OrderStatusTag status={data.status} />
        </Flex>
        {data.mayChange && (
          <Flex gap={8} wrap>
            {data.status === 'new' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('order.edit')}
              </Button>
            )}
            {NEXT[data.status].map((status) => (
              <Button
                key={status}
                type={status === 'cancelled' ? 'default' : 'primary'}
                danger={status === 'cancelled'}
                loading={setStatus.isPending && setStatus.variables?.status === status}
                onClick={() => request(status)}
              >
                {t(ACTION[status as keyof typeof ACTION])}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      {refusal && (
        <CreditPanel
          order={data}
          exceeded={refusal.exceeded}
          overriding={setStatus.isPending}
          error={overrideError}
          onOverride={(reason) => move(refusal.status, reason)}
        />
      )}
      {data.creditOverride && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          title={t('order.override', {
            name: data.creditOverride.by.name,
            date: format.date(data.creditOverride.at),
            reason: data.creditOverride.reason,
          })}
        />
      )}
      <Flex vertical gap={24}>
        <Card size="small" title={t('order.steps')}>
          <Steps
            size="small"
            current={data.status === 'cancelled' ? 0 : STEPS.indexOf(data.status)}
            status={data.status === 'cancelled' ? 'error' : data.status === 'delivered' ? 'finish' : 'process'}
            items={(data.status === 'cancelled' ? (['cancelled'] as TOrderStatus[]) : STEPS).map((status) => ({
              key: status,
              title: t(`orderStatus.${status}`),
            }))}
          />
        </Card>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={14}>
            <Card title={t('order.details')}>
              <Descriptions column={{ xs: 1, md: 2 }} items={items} size="small" />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('order.money')}>
              <Descriptions column={1} items={moneyItems} size="small" />
              {data.mayChange && data.status !== 'cancelled' && (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('order.editInvoiced')}</Typography.Text>
                  <InvoicedForm order={data} />
                </div>
              )}
            </Card>
          </Col>
        </Row>
        <Card title={t('editor.lines')}>
          <LinesTable document={data} />
        </Card>
        <PaymentsCard order={data} />
      </Flex>
      {/* Mounted only while open: the editor's lists (price lists, branches, products) load when needed. */}
      {data.status === 'new' && editing && <OrderEditor open order={data} onClose={() => setEditing(false)} />}
    </>
  );
}
