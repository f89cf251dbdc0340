import { PRODUCT_KINDS, type TProduct, ZCreateProductInput, ZVatRate } from '@clientela/contract';
import { App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCategories, useCreateProduct, useDeleteProduct, usePriceLists, useUpdateProduct } from './api.ts';
import { categoryOptions } from './category-options.ts';
import { mayEditCatalogue } from './permissions.ts';
import { newProductValues, type ProductFormValues, toProductFormValues, toProductInput } from './product-payload.ts';

const fields = ZCreateProductInput.shape;
const DECIMAL_SEPARATOR = { en: '.', ru: ',', it: ',' } as const;

type Props = {
  open: boolean;
  /** The product to edit; none to create one. */
  product?: TProduct;
  onClose: () => void;
};

/** Creates or edits a product, with its price in each active price list, in a side panel; employees only read it. */
export function ProductFormDrawer({ open, product, onClose }: Props) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const editable = mayEditCatalogue(me);
  const [form] = Form.useForm<ProductFormValues>();
  const categories = useCategories();
  const priceLists = usePriceLists();
  const lists = useMemo(() => (priceLists.data ?? []).filter((list) => list.active), [priceLists.data]);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const mutation = product ? update : create;
  const title = product ? (editable ? t('products.editTitle', { name: product.name }) : product.name) : t('products.createTitle');
  const defaultUnit = t('products.defaultUnit');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(product ? toProductFormValues(product, lists) : newProductValues(defaultUnit, lists));
    create.reset();
    update.reset();
    remove.reset();
  }, [open, product, lists, defaultUnit, form, create.reset, update.reset, remove.reset]);

  const submit = async (values: ProductFormValues) => {
    const input = toProductInput(values, lists);
    try {
      if (product) {
        await update.mutateAsync({ id: product.id, ...input });
        message.success(t('products.updated', { name: input.name }));
      } else {
        await create.mutateAsync(input);
        message.success(t('products.created', { name: input.name }));
      }
      onClose();
    } catch (error) {
      // The server names the field; the message is ours, in the user's language.
      if (isApiError(error, 'sku_taken')) form.setFields([{ name: 'sku', errors: [errorMessage(tc, error)] }]);
      else showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const removeProduct = async () => {
    if (!product) return;
    try {
      await remove.mutateAsync(product.id);
      message.success(t('products.removed', { name: product.name }));
      onClose();
    } catch {
      // Shown by the alert above the form.
    }
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={640}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="space-between" gap={8}>
          <div>
            {product && editable && (
              <Popconfirm title={t('products.removeConfirm')} description={t('products.removeHint')} onConfirm={removeProduct}>
                <Button danger loading={remove.isPending}>
                  {t('products.remove')}
                </Button>
              </Popconfirm>
            )}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>{editable ? tc('common.cancel') : t('common.close')}</Button>
            {editable && (
              <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
                {product ? tc('common.save') : tc('common.create')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error ?? remove.error} />
      <Form form={form} name="product" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title} disabled={!editable}>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('fields.name')} rules={[zodRule(tc, fields.name)]}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="sku" label={t('fields.sku')} extra={t('form.skuHint')}>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('fields.kind')}>
              <Select options={PRODUCT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="categoryId" label={t('fields.category')}>
              <Select
                allowClear
                placeholder={t('form.noCategory')}
                loading={categories.isPending}
                options={categoryOptions(categories.data ?? [])}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="unit" label={t('fields.unit')} rules={[zodRule(tc, fields.unit.unwrap())]} extra={t('form.unitHint')}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="vatRate"
              label={t('fields.vatRate')}
              rules={[
                {
                  validator: async (_rule, value: string | null | undefined) => {
                    if (value?.trim() && !ZVatRate.safeParse(value).success) throw new Error(t('form.vatRateInvalid'));
                  },
                },
              ]}
            >
              <Input suffix="%" maxLength={5} autoComplete="off" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('form.prices')}</Typography.Title>
        {lists.length === 0 && !priceLists.isPending && (
          <Typography.Paragraph type="secondary">{t('form.noPriceLists')}</Typography.Paragraph>
        )}
        <Row gutter={16}>
          {lists.map((list, index) => (
            <Col xs={24} sm={12} key={list.id}>
              <Form.Item name={['prices', index, 'price']} label={t('form.priceIn', { name: list.name, currency: list.currency })}>
                <InputNumber<string>
                  stringMode
                  min="0"
                  max="999999999999.99"
                  precision={2}
                  decimalSeparator={DECIMAL_SEPARATOR[locale]}
                  suffix={list.currency}
                  placeholder={t('form.notInList')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea rows={3} maxLength={5_000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
