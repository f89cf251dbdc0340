import type { TCompany, TOrder } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { api } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { useMe } from '../auth/api.ts';
import { COMPANIES_KEY } from '../companies/api.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useCreateOrder, useUpdateOrder } from './api.ts';
import { DealField, PriceListField, SavedTotals, usePriceListChoice } from './document-inputs.tsx';
import { LineInputs } from './line-inputs.tsx';
import { type OrderFormValues, toOrderFormValues, toOrderInput, toOrderUpdate } from './order-payload.ts';

type Props = {
  open: boolean;
  /** The new order to edit; none to create one. */
  order?: TOrder;
  /** Prefills a new order, e.g. from a company's page. */
  companyId?: string;
  onClose: () => void;
  onSaved?: (order: TOrder) => void;
};

/**
 * Creates an order by hand, or edits one while it is new, in a side panel: customer, branch, price
 * list, date and lines with running totals. Once created, only its contact, branch, notes and lines
 * change (as the server allows); the rest shows as it was set.
 */
export function OrderEditor({ open, order, companyId, onClose, onSaved }: Props) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const [form] = Form.useForm<OrderFormValues>();
  const create = useCreateOrder();
  const update = useUpdateOrder();
  const mutation = order ? update : create;
  const title = order ? t('orderEditor.editTitle', { number: order.number }) : t('orderEditor.createTitle');
  const chosenCompany = Form.useWatch('companyId', form) as string | null | undefined;
  // Prefilled from a company's page: its name shows at once, whether or not the first search finds it.
  const prefilled = useQuery({
    queryKey: [...COMPANIES_KEY, 'one', companyId],
    queryFn: ({ signal }) => api<TCompany>(`/api/v1/companies/${companyId}`, { signal }),
    enabled: Boolean(companyId) && !order,
  });
  const knownCompanies = order ? [order.company] : prefilled.data ? [{ id: prefilled.data.id, name: prefilled.data.name }] : [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      order ? toOrderFormValues(order) : { companyId: companyId ?? null, unitId: me.unitId, orderedOn: dayjs(), lines: [] },
    );
    create.reset();
    update.reset();
  }, [open, order, companyId, me.unitId, form, create.reset, update.reset]);
  // After the reset above: a new order then starts from the default price list.
  const pricing = usePriceListChoice(form, open, order);

  const submit = async (values: OrderFormValues) => {
    if (!values.lines?.length) {
      message.error(t('editor.needLine'));
      return;
    }
    try {
      const saved = order
        ? await update.mutateAsync({ id: order.id, ...toOrderUpdate(values) })
        : await create.mutateAsync(toOrderInput(values));
      message.success(t(order ? 'orderEditor.updated' : 'orderEditor.created', { number: saved.number }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={900}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {order ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="order" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="companyId" label={t('fields.company')} rules={[{ required: true, message: tc('validation.required') }]}>
              <CustomerSelect entity="company" known={knownCompanies} disabled={Boolean(order)} aria-label={t('fields.company')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactId" label={t('fields.contact')}>
              <CustomerSelect entity="contact" known={order?.contact ? [order.contact] : []} aria-label={t('fields.contact')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={t('fields.branch')}>
              <UnitSelect placeholder={t('order.noBranch')} aria-label={t('fields.branch')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <DealField companyId={chosenCompany} known={order?.deal} disabled={Boolean(order)} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <PriceListField choice={pricing} disabled={Boolean(order)} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orderedOn" label={t('fields.orderedOn')}>
              <DatePicker
                style={{ width: '100%' }}
                format={DATE_INPUT_FORMAT[locale]}
                disabled={Boolean(order)}
                aria-label={t('fields.orderedOn')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea rows={2} maxLength={5_000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('editor.lines')}</Divider>
        <LineInputs currency={pricing.currency} priceListId={pricing.priceListId} />
        {order && <SavedTotals document={order} />}
      </Form>
    </Drawer>
  );
}
