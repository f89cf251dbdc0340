import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, type DescriptionsProps, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreditStatus, usePutCreditLimit } from './api.ts';
import type { CreditBar } from './credit-chart.tsx';
import { money, normalizeAmount } from './money.ts';

const CreditChart = lazy(async () => ({ default: (await import('./credit-chart.tsx')).CreditChart }));

type Target = 'companies' | 'groups';

/** Sets a limit, or removes it with "No limit"; the field takes the base currency. */
function LimitForm({
  target,
  id,
  current,
  currency,
  onDone,
}: {
  target: Target;
  id: string;
  current: string | null;
  currency: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const put = usePutCreditLimit();
  const [form] = Form.useForm<{ limit: string }>();
  const label = t('credit.newLimit', { currency });
  const save = async (limit: string | null) => {
    try {
      await put.mutateAsync({ target, id, limit });
      message.success(t('credit.saved'));
      onDone();
    } catch (error) {
      if (!showFieldErrors(form, error, errorMessage(tc, error))) message.error(errorMessage(tc, error));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ limit: current ?? '' }}
      onFinish={({ limit }) => save(normalizeAmount(limit))}
      aria-label={label}
      style={{ marginTop: 12 }}
    >
      <Form.Item
        name="limit"
        label={label}
        rules={[
          {
            validator: async (_rule, value: string) =>
              normalizeAmount(value) ? undefined : Promise.reject(new Error(t('credit.invalidAmount'))),
          },
        ]}
      >
        <Input inputMode="decimal" aria-label={label} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={put.isPending}>
          {tc('common.save')}
        </Button>
        <Button onClick={() => save(null)} disabled={put.isPending}>
          {t('credit.removeLimit')}
        </Button>
        <Button type="text" onClick={onDone}>
          {tc('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * A company's credit: its limit, exposure and receivable, its group's limit and exposure, a chart,
 * for managers the limits to set, and a link to take a new order from the company.
 */
export function CreditCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const me = useMe();
  const credit = useCreditStatus(companyId);
  const [editing, setEditing] = useState<Target | null>(null);
  const mayEdit = me.role !== 'employee';
  const data = credit.data;
  const labels = useMemo(() => ({ exposure: t('credit.exposure'), limit: t('credit.limit') }), [t]);
  const bars = useMemo((): CreditBar[] => {
    if (!data) return [];
    const company = { name: t('credit.company'), exposure: Number(data.exposure), limit: data.limit === null ? null : Number(data.limit) };
    const group = data.group && {
      name: t('credit.group', { name: data.group.name }),
      exposure: Number(data.group.exposure),
      limit: data.group.limit === null ? null : Number(data.group.limit),
    };
    return group ? [company, group] : [company];
  }, [data, t]);

  if (credit.isPending)
    return (
      <Card title={t('credit.title')}>
        <Skeleton active />
      </Card>
    );
  if (!data)
    return (
      <Card title={t('credit.title')}>
        <ErrorAlert error={credit.error} />
      </Card>
    );
  const cash = (amount: string | null) => (amount === null ? t('credit.noLimit') : money(amount, data.baseCurrency, locale));
  const edit = (target: Target) =>
    mayEdit && editing !== target ? (
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(target)}>
        {t(target === 'companies' ? 'credit.setLimit' : 'credit.setGroupLimit')}
      </Button>
    ) : null;

  const items: DescriptionsProps['items'] = [
    {
      key: 'limit',
      label: t('credit.limit'),
      children: (
        <Flex gap={8} align="center" wrap>
          <span data-testid="credit-limit">{cash(data.limit)}</span>
          {edit('companies')}
        </Flex>
      ),
    },
    { key: 'exposure', label: t('credit.exposure'), children: <span data-testid="credit-exposure">{cash(data.exposure)}</span> },
    { key: 'receivable', label: t('credit.receivable'), children: <span data-testid="credit-receivable">{cash(data.receivable)}</span> },
    ...(data.group
      ? [
          {
            key: 'groupLimit',
            label: t('credit.groupLimit'),
            children: (
              <Flex gap={8} align="center" wrap>
                <span data-testid="credit-group-limit">
                  {cash(data.group.limit)} <Typography.Text type="secondary">· {data.group.name}</Typography.Text>
                </span>
                {edit('groups')}
              </Flex>
            ),
          },
          {
            key: 'groupExposure',
            label: t('credit.groupExposure'),
            children: <span data-testid="credit-group-exposure">{cash(data.group.exposure)}</span>,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('credit.title')}
      extra={
        <Link to={`/orders/new?companyId=${companyId}`}>
          <PlusOutlined /> {t('orders.create')}
        </Link>
      }
    >
      <Descriptions column={1} size="small" items={items} />
      {editing === 'companies' && (
        <LimitForm target="companies" id={companyId} current={data.limit} currency={data.baseCurrency} onDone={() => setEditing(null)} />
      )}
      {editing === 'groups' && data.group && (
        <LimitForm
          target="groups"
          id={data.group.id}
          current={data.group.limit}
          currency={data.baseCurrency}
          onDone={() => setEditing(null)}
        />
      )}
      <div role="img" aria-label={t('credit.chart')} style={{ marginTop: 16 }}>
        <Suspense fallback={<div style={{ height: 200 }} />}>
          <CreditChart bars={bars} currency={data.baseCurrency} locale={locale} labels={labels} />
        </Suspense>
      </div>
    </Card>
  );
}
