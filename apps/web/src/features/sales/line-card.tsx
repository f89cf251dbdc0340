import { DeleteOutlined } from '@ant-design/icons';
import { ZAmount, ZDiscount, ZQuantity, ZVatRate } from '@clientela/contract';
import { Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodRule } from '../../lib/form.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { type LineFormValues, lineAmounts } from './line-payload.ts';
import { lineTotals, money, moneyOfCents } from './money.ts';

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

type Props = {
  /** The line's name in the form's `lines` list. */
  name: number;
  /** Its number as people count (1, 2, …). */
  n: number;
  currency: string;
  priceListId: string | null | undefined;
  onRemove: () => void;
};

/** One line of a quote or an order being edited: a catalogue product or free text, its quantity, price, discount, VAT and running total. */
export function LineCard({ name, n, currency, priceListId, onRemove }: Props) {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  // From the store, not a watched copy: Form.List draws a line just added before any watch sees it.
  const line = form.getFieldValue(['lines', name]) as LineFormValues | undefined;
  const listPrice = line?.productId ? line.prices?.find((price) => price.priceListId === priceListId) : undefined;
  const [amount] = line ? lineAmounts([line], priceListId) : [];
  const one = amount ? lineTotals(amount) : null;
  return (
    <Card size="small" role="group" aria-label={t('lines.line', { n })}>
      <Row gutter={12}>
        <Col flex="auto">
          {line?.productId ? (
            <>
              <Form.Item name={[name, 'productId']} style={{ marginBottom: 8 }}>
                <ProductName name={line.productName} />
              </Form.Item>
              <Form.Item name={[name, 'description']} label={t('lines.description')}>
                <Input maxLength={500} placeholder={line.productName} aria-label={t('lines.description')} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name={[name, 'description']}
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
            onClick={onRemove}
            style={{ marginTop: 4 }}
          />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={5}>
          <Form.Item name={[name, 'quantity']} label={t('lines.quantity')} rules={[zodRule(tc, ZQuantity)]} normalize={decimal}>
            <Input inputMode="decimal" aria-label={t('lines.quantity')} suffix={<span>{line?.unit}</span>} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[name, 'unitPrice']}
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
          <Form.Item name={[name, 'discountPercent']} label={t('lines.discount')} normalize={decimal} rules={[optionalRule(tc, ZDiscount)]}>
            <Input inputMode="decimal" aria-label={t('lines.discount')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[name, 'vatRate']} label={t('lines.vatRate')} normalize={decimal} rules={[optionalRule(tc, ZVatRate)]}>
            <Input inputMode="decimal" aria-label={t('lines.vatRate')} disabled={Boolean(line?.productId)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Flex vertical align="flex-end">
            <Typography.Text type="secondary">{t('lines.total')}</Typography.Text>
            <Typography.Text data-testid={`line-total-${n}`}>{one ? moneyOfCents(one.total, currency, locale) : '—'}</Typography.Text>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
