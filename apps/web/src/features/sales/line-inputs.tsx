import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { LineCard } from './line-card.tsx';
import { freeLine, type LineFormValues, lineAmounts, productLine } from './line-payload.ts';
import { documentTotals, moneyOfCents } from './money.ts';
import { SalesProductPicker } from './sales-product-picker.tsx';

type Props = { currency: string; priceListId: string | null | undefined };

/** The lines of a quote or an order: products from the catalogue or free text, each with its running total, and the document's totals in cents. */
export function LineInputs({ currency, priceListId }: Props) {
  const { t } = useTranslation('sales');
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
          {fields.map((field, index) => (
            <LineCard
              key={field.key}
              name={field.name}
              n={index + 1}
              currency={currency}
              priceListId={priceListId}
              onRemove={() => remove(field.name)}
            />
          ))}
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
