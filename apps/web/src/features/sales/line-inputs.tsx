import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZAmount, ZDiscount, ZQuantity, ZVatRate } from '@clientela/contract';
import { Button, Card, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodRule } from '../../lib/form.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { documentTotals, lineTotals, money, moneyOfCents } from './money.ts';
import { freeLine, type LineFormValues, lineAmounts, productLine } from './quote-payload.ts';
import { SalesProductPicker } from './sales-product-picker.tsx';

// People type "14,90" as often as "14.90": both are read as the same amount.
const decimal = (value: string | undefined) => value?.replace(',', '.');

/** A rule for a field that may stay empty, checked with the contract's schema once filled in. */
function optionalRule(tc: TFunction, schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
      if (!schema.safeParse(value).success) throw new Error(tc('validation.invalid'));
    },
  };
}

/** Shows the product a line is for; a form control so that the server's errors on `productId` land here. */
function ProductName({ name }: { value?: string | null; name?: string }) {
  return <Typography.Text strong>{name}</Typography.Text>;
}

type Props = { currency: string; priceListId: string | null | undefined };

/** The lines of a quote: products from the catalogue or free text, each with its running total, and the document's totals in cents. */
export function LineInputs({ currency, priceListId }: Props) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  // Preserved: a line's product name and prices have no field of their own.
  const lines = (Form.useWatch('lines', { form, preserve: true }) as LineFormValues[] | undefined) ?? [];
  const amounts = lineAmounts(lines, priceListId);
  const totals = documentTotals(amounts);

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => {
            // From the store, not the closure: Form.List redraws a line just added before this component does.
            const line = form.getFieldValue(['lines', field.name]) as LineFormValues | undefined;
            const n = index + 1;
            const listPrice = line?.productId ? line.prices?.find((price) => price.priceListId === priceListId) : undefined;
            const [amount] = line ? lineAmounts([line], priceListId) : [];
            const one = amount ? lineTotals(amount) : null;
            return (
              <Card key={field.key} size="small" role="group" aria-label={t('lines.line', { n })}>
                <Row gutter={12}>
                  <Col flex="auto">
                    {line?.productId ? (
                      <>
                        <Form.Item name={[field.name, 'productId']} style={{ marginBottom: 8 }}>
                          <ProductName name={line.productName} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'description']} label={t('lines.description')}>
                          <Input maxLength={500} placeholder={line.productName} aria-label={t('lines.description')} />
                        </Form.Item>
                      </>
                    ) : (
                      <Form.Item
                        name={[field.name, 'description']}
                        label={t('lines.freeDescription')}
                        rules={[{ required: true, whitespace: true, message: tc('validation.required') }]}
                      >
                        <Input maxLength={500} aria-label={t('lines.description')} />
                      </Form.Item>
                    )}
                  </Col>
                  <Col>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('lines.remove', { n })}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 4 }}
                    />
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={t('lines.quantity')}
                      rules={[zodRule(tc, ZQuantity)]}
                      normalize={decimal}
                    >
                      <Input inputMode="decimal" aria-label={t('lines.quantity')} suffix={<span>{line?.unit}</span>} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'unitPrice']}
                      label={t('lines.unitPrice')}
                      normalize={decimal}
                      rules={[line?.productId ? optionalRule(tc, ZAmount) : zodRule(tc, ZAmount)]}
                      extra={listPrice ? t('lines.listPrice', { price: money(listPrice.price, listPrice.currency, locale) }) : undefined}
                    >
                      <Input
                        inputMode="decimal"
                        aria-label={t('lines.unitPrice')}
                        placeholder={line?.productId ? t('editor.priceHint') : undefined}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[field.name, 'discountPercent']}
                      label={t('lines.discount')}
                      normalize={decimal}
                      rules={[optionalRule(tc, ZDiscount)]}
                    >
                      <Input inputMode="decimal" aria-label={t('lines.discount')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[field.name, 'vatRate']}
                      label={t('lines.vatRate')}
                      normalize={decimal}
                      rules={[optionalRule(tc, ZVatRate)]}
                    >
                      <Input inputMode="decimal" aria-label={t('lines.vatRate')} disabled={Boolean(line?.productId)} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Flex vertical align="flex-end">
                      <Typography.Text type="secondary">{t('lines.total')}</Typography.Text>
                      <Typography.Text data-testid={`line-total-${n}`}>
                        {one ? moneyOfCents(one.total, currency, locale) : '—'}
                      </Typography.Text>
                    </Flex>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Flex gap={12} wrap align="center">
            <SalesProductPicker priceListId={priceListId} onPick={(product) => add(productLine(product))} />
            <Button icon={<PlusOutlined />} onClick={() => add(freeLine())}>
              {t('editor.addFreeLine')}
            </Button>
          </Flex>
          <Flex justify="flex-end">
            <Descriptions
              title={t('editor.running')}
              column={1}
              size="small"
              style={{ minWidth: 260 }}
              items={[
                {
                  key: 'net',
                  label: t('totals.net'),
                  children: <span data-testid="running-net">{moneyOfCents(totals.net, currency, locale)}</span>,
                },
                {
                  key: 'vat',
                  label: t('totals.vat'),
                  children: <span data-testid="running-vat">{moneyOfCents(totals.vat, currency, locale)}</span>,
                },
                {
                  key: 'total',
                  label: t('totals.total'),
                  children: (
                    <Typography.Text strong data-testid="running-total">
                      {moneyOfCents(totals.total, currency, locale)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}
