import type { TOrder } from '@clientela/contract';
import { Alert, Button, Descriptions, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreditStatus } from './api.ts';
import { money } from './money.ts';

type Props = {
  order: TOrder;
  /** The limits the server named: `company`, `group` or both. */
  exceeded: string[];
  /** Re-sends the refused status change with the manager's reason. */
  onOverride: (reason: string) => void;
  overriding: boolean;
  /** A failed override (e.g. 403 for someone who may not), shown above the reason. */
  error: unknown;
};

/**
 * Why a status change was refused over a credit limit: each exceeded limit with the customer's
 * exposure and this order, in the base currency. An employee learns that a manager must approve;
 * a manager or an admin may let it pass with a reason, which the order keeps.
 */
export function CreditPanel({ order, exceeded, onOverride, overriding, error }: Props) {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const me = useMe();
  const credit = useCreditStatus(order.company.id);
  const [form] = Form.useForm<{ reason: string }>();
  const mayOverride = me.role !== 'employee';
  const base = credit.data?.baseCurrency ?? order.baseCurrency;
  const cash = (amount: string | null | undefined) => (amount == null ? t('credit.noLimit') : money(amount, base, locale));
  // The server weighs what the order still leaves unpaid, in the base currency.
  const thisOrder = order.totalBase ?? (order.currency === order.baseCurrency ? order.total : null);

  const limits = (limit: string | null | undefined, exposure: string | undefined) => [
    { key: 'limit', label: t('credit.limit'), children: cash(limit) },
    { key: 'exposure', label: t('credit.exposure'), children: exposure === undefined ? '—' : cash(exposure) },
    { key: 'order', label: t('credit.thisOrder'), children: thisOrder === null ? t('totals.noRate') : cash(thisOrder) },
  ];

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('credit.panelTitle')}
      style={{ marginBottom: 24 }}
      description={
        <Flex vertical gap={12} data-testid="credit-panel">
          {credit.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
          <ErrorAlert error={credit.error} />
          {exceeded.includes('company') && (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              title={t('credit.companyOver')}
              items={limits(credit.data?.limit, credit.data?.exposure)}
            />
          )}
          {exceeded.includes('group') && (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              title={t('credit.groupOver', { group: credit.data?.group?.name ?? '' })}
              items={limits(credit.data?.group?.limit, credit.data?.group?.exposure)}
            />
          )}
          {mayOverride ? (
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={({ reason }) => onOverride(reason.trim())}
              aria-label={t('credit.overrideLabel')}
            >
              <ErrorAlert error={error} />
              <Form.Item
                name="reason"
                label={t('credit.overrideLabel')}
                rules={[{ required: true, whitespace: true, min: 3, message: t('credit.overrideShort') }]}
              >
                <Input.TextArea rows={2} maxLength={1_000} placeholder={t('credit.overridePlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={overriding}>
                {t('credit.overrideButton')}
              </Button>
            </Form>
          ) : (
            <Typography.Text strong>{t('credit.askManager')}</Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
