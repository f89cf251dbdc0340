import { PAYMENT_METHODS, type TOrder, type TPayment } from '@clientela/contract';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreatePayment, useOrderPayments } from './api.ts';
import { money, normalizeAmount } from './money.ts';

type Method = (typeof PAYMENT_METHODS)[number];
type Values = { amount?: string; paidOn?: Dayjs | null; method?: Method; reference?: string };

/** An order's payments, and a form to record one; the server's refusal of too much shows on the amount. */
export function PaymentsCard({ order }: { order: TOrder }) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const payments = useOrderPayments(order.id);
  const create = useCreatePayment();
  const [form] = Form.useForm<Values>();

  const columns: TableColumnsType<TPayment> = [
    { key: 'paidOn', title: t('payments.paidOn'), render: (_, payment) => formatCalendarDate(payment.paidOn, locale) },
    { key: 'amount', title: t('payments.amount'), align: 'right', render: (_, payment) => money(payment.amount, payment.currency, locale) },
    { key: 'method', title: t('payments.method'), render: (_, payment) => t(`payments.methods.${payment.method}`) },
    { key: 'reference', title: t('payments.reference'), render: (_, payment) => payment.reference ?? '—' },
  ];

  const submit = async (values: Values) => {
    const amount = normalizeAmount(values.amount) ?? values.amount?.trim() ?? '';
    try {
      await create.mutateAsync({
        orderId: order.id,
        amount,
        paidOn: values.paidOn ? values.paidOn.format('YYYY-MM-DD') : undefined,
        method: values.method,
        reference: values.reference?.trim() || undefined,
      });
      message.success(t('payments.recorded', { amount: money(amount, order.currency, locale) }));
      form.resetFields();
    } catch (error) {
      if (!showFieldErrors(form, error, errorMessage(tc, error))) message.error(errorMessage(tc, error));
    }
  };

  return (
    <Card title={t('payments.title')}>
      <ErrorAlert error={payments.error} />
      <Table<TPayment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={payments.data ?? []}
        loading={payments.isPending}
        pagination={false}
        locale={{ emptyText: t('payments.empty') }}
      />
      {order.status !== 'cancelled' && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          initialValues={{ method: 'bank_transfer' }}
          aria-label={t('payments.record')}
          style={{ marginTop: 16 }}
        >
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item
                name="amount"
                label={t('payments.amountIn', { currency: order.currency })}
                rules={[
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (!normalizeAmount(value) || normalizeAmount(value) === '0.00') throw new Error(t('credit.invalidAmount'));
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" aria-label={t('payments.amount')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="paidOn" label={t('payments.paidOn')}>
                <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} aria-label={t('payments.paidOn')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="method" label={t('payments.method')}>
                <Select
                  aria-label={t('payments.method')}
                  options={PAYMENT_METHODS.map((value) => ({ value, label: t(`payments.methods.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="reference" label={t('payments.reference')}>
                <Input maxLength={200} aria-label={t('payments.reference')} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('payments.record')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
