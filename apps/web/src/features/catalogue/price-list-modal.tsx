import { type TPriceList, ZCreatePriceListInput } from '@clientela/contract';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { currencyOptions } from '../custom-fields/currency-options.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreatePriceList, useUpdatePriceList } from './api.ts';

type Props = {
  open: boolean;
  /** The list to edit; none to create one. */
  priceList?: TPriceList;
  onClose: () => void;
};

type Values = { name: string; currency: string; isDefault: boolean; active: boolean };

/** Creates or edits a price list in a dialog; a list with prices keeps its currency. */
export function PriceListModal({ open, priceList, onClose }: Props) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const currencies = useMemo(() => currencyOptions(locale), [locale]);
  const [form] = Form.useForm<Values>();
  const create = useCreatePriceList();
  const update = useUpdatePriceList();
  const mutation = priceList ? update : create;
  const currencyFixed = Boolean(priceList && priceList.productCount > 0);
  const title = priceList ? t('priceLists.editTitle', { name: priceList.name }) : t('priceLists.createTitle');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      priceList
        ? { name: priceList.name, currency: priceList.currency, isDefault: priceList.isDefault, active: priceList.active }
        : { name: '', currency: 'EUR', isDefault: false, active: true },
    );
    create.reset();
    update.reset();
  }, [open, priceList, form, create.reset, update.reset]);

  const submit = async (values: Values) => {
    const input = { ...values, name: values.name.trim() };
    try {
      if (priceList) {
        const { currency, ...rest } = input;
        await update.mutateAsync({ id: priceList.id, ...rest, ...(currencyFixed ? {} : { currency }) });
        message.success(t('priceLists.updated', { name: input.name }));
      } else {
        await create.mutateAsync(input);
        message.success(t('priceLists.created', { name: input.name }));
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={priceList ? tc('common.save') : tc('common.create')}
      cancelText={tc('common.cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="price-list" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="name" label={t('fields.name')} rules={[zodRule(tc, ZCreatePriceListInput.shape.name)]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="currency"
          label={t('fields.currency')}
          extra={currencyFixed ? t('priceLists.currencyFixed') : undefined}
          rules={[{ required: true, message: tc('validation.required') }]}
        >
          <Select options={currencies} showSearch={{ optionFilterProp: 'label' }} disabled={currencyFixed} />
        </Form.Item>
        <Form.Item name="isDefault" label={t('priceLists.isDefault')} valuePropName="checked" extra={t('priceLists.isDefaultHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
