import type { TOrder } from '@clientela/contract';
import { App, Button, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useUpdateOrder } from './api.ts';
import { normalizeAmount } from './money.ts';

/** Changes how much of an order has been invoiced; the server refuses more than ordered, on the field. */
export function InvoicedForm({ order }: { order: TOrder }) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateOrder();
  const [form] = Form.useForm<{ invoiced: string }>();
  useEffect(() => form.setFieldsValue({ invoiced: order.invoiced }), [form, order.invoiced]);

  const submit = async ({ invoiced }: { invoiced: string }) => {
    try {
      await update.mutateAsync({ id: order.id, invoiced: normalizeAmount(invoiced) ?? invoiced });
      message.success(t('order.invoicedSaved'));
    } catch (error) {
      if (!showFieldErrors(form, error, errorMessage(tc, error))) message.error(errorMessage(tc, error));
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} aria-label={t('order.editInvoiced')}>
      <Space.Compact>
        <Form.Item
          name="invoiced"
          noStyle={false}
          rules={[
            {
              validator: async (_rule, value: string) =>
                normalizeAmount(value) ? undefined : Promise.reject(new Error(t('credit.invalidAmount'))),
            },
          ]}
        >
          <Input inputMode="decimal" suffix={order.currency} aria-label={t('order.editInvoiced')} style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit" loading={update.isPending}>
          {tc('common.save')}
        </Button>
      </Space.Compact>
    </Form>
  );
}
