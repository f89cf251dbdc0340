import type { TCustomField, TLocale } from '@clientela/contract';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { fromYmd, isEmptyValue, isWebAddress, toCustomValue, toYmd } from './custom-values.ts';

/**
 * The input that fits a field's type. A plain element, not a component: Form.Item hands its
 * direct child the value, onChange and id (which the label points at).
 */
function valueInput(field: TCustomField, locale: TLocale): ReactElement {
  const decimalSeparator = locale === 'en' ? '.' : ',';
  const options = field.options.map((option) => ({ value: option.value, label: option.label }));
  switch (field.type) {
    case 'text':
      return <Input maxLength={5_000} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} decimalSeparator={decimalSeparator} />;
    case 'money':
      return <InputNumber style={{ width: '100%' }} decimalSeparator={decimalSeparator} suffix={field.currency} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />;
    case 'select':
      return <Select allowClear options={options} />;
    case 'multiselect':
      return <Select mode="multiple" allowClear options={options} />;
    case 'boolean':
      return <Switch />;
    case 'link':
      // Not type="url": the browser would then refuse "forno-rossi.it" with its own untranslated bubble,
      // while the payload adds the https:// itself and the rule below explains in the user's language.
      return <Input inputMode="url" autoComplete="url" spellCheck={false} placeholder="https://" maxLength={2_000} />;
  }
}

/** One custom field in the form, under `custom.<key>`; dates are kept as `YYYY-MM-DD`, as stored. */
function CustomValueItem({ field }: { field: TCustomField }) {
  const { t } = useTranslation('customers');
  const { locale } = useLocale();
  const rules: Rule[] = [
    {
      validator: async (_rule, value: unknown) => {
        const sent = toCustomValue(field, value);
        if (isEmptyValue(sent)) {
          if (field.required) throw new Error(t('customFields.values.required'));
          return;
        }
        if (field.type === 'link' && typeof value === 'string' && !isWebAddress(value)) {
          throw new Error(t('customFields.values.invalid.link'));
        }
      },
    },
  ];
  const label = field.required ? (
    <span>
      {field.label}
      <Typography.Text type="danger" aria-hidden style={{ marginInlineStart: 4 }}>
        *
      </Typography.Text>
    </span>
  ) : (
    field.label
  );
  return (
    <Form.Item
      name={['custom', field.key]}
      label={label}
      rules={rules}
      required={field.required}
      valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
      // A required yes/no field starts at "no": a switch shows no third state.
      initialValue={field.type === 'boolean' && field.required ? false : undefined}
      {...(field.type === 'date'
        ? {
            getValueProps: (value: unknown) => ({ value: fromYmd(value) }),
            normalize: (value: Dayjs | null) => toYmd(value),
          }
        : {})}
    >
      {valueInput(field, locale)}
    </Form.Item>
  );
}

/** The admin's own fields of companies or contacts, after the standard ones; nothing when there are none. */
export function CustomValueInputs({ fields }: { fields: readonly TCustomField[] | undefined }) {
  const { t } = useTranslation('customers');
  if (!fields || fields.length === 0) return null;
  return (
    <section aria-label={t('customFields.section')}>
      <Divider titlePlacement="start">{t('customFields.section')}</Divider>
      <Row gutter={16}>
        {fields.map((field) => (
          <Col key={field.id} xs={24} sm={field.type === 'multiselect' || field.type === 'text' ? 24 : 12}>
            <CustomValueItem field={field} />
          </Col>
        ))}
      </Row>
    </section>
  );
}
