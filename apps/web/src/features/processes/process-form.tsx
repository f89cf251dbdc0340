import type { TProcessFormField, TProcessFormValues } from '@clientela/contract';
import { Checkbox, DatePicker, Descriptions, Form, type FormInstance, Input, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { DECIMAL_SEPARATOR, formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';

/** What antd keeps in the form: a Dayjs for a date field, the plain value otherwise. */
type FieldValue = string | number | boolean | Dayjs | null | undefined;
type Fields = Record<string, FieldValue>;

/** The values as the antd form holds them (dates as Dayjs), from values as the API sends them. */
export function toFormFields(fields: TProcessFormField[], values: TProcessFormValues | null | undefined): Fields {
  const out: Fields = {};
  for (const field of fields) {
    const value = values?.[field.key];
    if (field.type === 'date') out[field.key] = typeof value === 'string' && value ? dayjs(value, 'YYYY-MM-DD') : undefined;
    else if (field.type === 'boolean') out[field.key] = value === true;
    else out[field.key] = value ?? undefined;
  }
  return out;
}

/** The values as the API takes them: a day as `YYYY-MM-DD`, an empty field as null, a switch as true/false. */
export function toProcessValues(fields: TProcessFormField[], held: Fields): TProcessFormValues {
  const out: TProcessFormValues = {};
  for (const field of fields) {
    const value = held[field.key];
    if (field.type === 'boolean') out[field.key] = value === true;
    else if (dayjs.isDayjs(value)) out[field.key] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string') out[field.key] = value.trim() === '' ? null : value;
    else if (typeof value === 'number') out[field.key] = value;
    else out[field.key] = null;
  }
  return out;
}

/** Validates the form and returns its values as the API takes them; rejects when a field is invalid. */
export async function readProcessForm(form: FormInstance, fields: TProcessFormField[]): Promise<TProcessFormValues> {
  const held = (await form.validateFields()) as Fields;
  return toProcessValues(fields, held);
}

/**
 * Shows the API's errors on the fields they name (`values.<key>`, `form.<key>`, `body.values.<key>`
 * or `/values/<key>`); returns whether any was shown.
 */
export function showProcessFormErrors(form: FormInstance, fields: TProcessFormField[], error: unknown): boolean {
  if (!isApiError(error)) return false;
  const keys = new Set(fields.map((field) => field.key));
  const shown: { name: string; errors: string[] }[] = [];
  for (const item of error.errors) {
    const parts = item.path.split(/[./]/).filter((part) => part !== '');
    if (parts[0] === 'body') parts.shift();
    if (parts[0] === 'values' || parts[0] === 'form') parts.shift();
    const key = parts[0];
    if (key !== undefined && keys.has(key)) shown.push({ name: key, errors: [item.message] });
  }
  form.setFields(shown);
  return shown.length > 0;
}

type Props = {
  fields: TProcessFormField[];
  /** The caller's form instance, to submit it, read it (`readProcessForm`) and show server errors. */
  form?: FormInstance;
  /** The values to start from (a started form, or those filled already). */
  value?: TProcessFormValues | null;
  /** Called on every change with the values as the API takes them. */
  onChange?: (values: TProcessFormValues) => void;
  /** Shows the filled values instead of inputs. */
  readOnly?: boolean;
  disabled?: boolean;
};

/** A process step's (or start event's) form: the fields the model defines, as inputs or as filled values. */
export function ProcessForm({ fields, form, value, onChange, readOnly = false, disabled = false }: Props) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const [own] = Form.useForm();
  const instance = form ?? own;
  const initial = useMemo(() => toFormFields(fields, value), [fields, value]);

  // A new set of fields (another step) starts from its own values.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the fields change, not on every keystroke
  useEffect(() => {
    if (!readOnly) instance.setFieldsValue(initial);
  }, [fields, readOnly]);

  if (readOnly) return <ProcessValues fields={fields} values={value ?? {}} />;
  if (fields.length === 0) return <Typography.Text type="secondary">{t('form.noFields')}</Typography.Text>;

  return (
    <Form
      form={instance}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onValuesChange={(_changed, all: Fields) => onChange?.(toProcessValues(fields, all))}
    >
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={field.key}
          label={field.label}
          valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
          rules={field.required && field.type !== 'boolean' ? [{ required: true, message: tc('validation.required') }] : []}
          required={field.required}
        >
          {fieldInput(field, locale, t)}
        </Form.Item>
      ))}
    </Form>
  );
}

function fieldInput(field: TProcessFormField, locale: keyof typeof DATE_INPUT_FORMAT, t: TFunction<'processes'>) {
  switch (field.type) {
    case 'text':
      return <Input maxLength={10_000} autoComplete="off" />;
    case 'textarea':
      return <Input.TextArea maxLength={10_000} autoSize={{ minRows: 3, maxRows: 10 }} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} decimalSeparator={DECIMAL_SEPARATOR[locale]} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMAT[locale]} />;
    case 'select':
      return (
        <Select
          allowClear={!field.required}
          placeholder={t('form.choose')}
          options={field.options.map((option) => ({ value: option, label: option }))}
        />
      );
    case 'boolean':
      return field.required ? <Checkbox>{t('form.confirm')}</Checkbox> : <Switch />;
  }
}

/** Filled values, read-only: with the fields' labels and types where known, else by their keys. */
export function ProcessValues({ fields, values }: { fields?: TProcessFormField[]; values: TProcessFormValues }) {
  const { t } = useTranslation('processes');
  const { locale } = useLocale();
  const known = fields ?? [];
  const rows = [
    ...known.map((field) => ({ key: field.key, label: field.label, type: field.type as string, value: values[field.key] })),
    ...Object.entries(values)
      .filter(([key]) => !known.some((field) => field.key === key))
      .map(([key, value]) => ({ key, label: key, type: '', value })),
  ];
  if (rows.length === 0) return <Typography.Text type="secondary">{t('form.noValues')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={rows.map((row) => ({ key: row.key, label: row.label, children: shownValue(row.type, row.value, locale, t) }))}
    />
  );
}

function shownValue(
  type: string,
  value: TProcessFormValues[string] | undefined,
  locale: keyof typeof DATE_INPUT_FORMAT,
  t: TFunction<'processes'>,
) {
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (typeof value === 'number') return formatNumber(value, locale);
  if (type === 'date' || (type === '' && /^\d{4}-\d{2}-\d{2}$/.test(value))) return formatCalendarDate(value, locale);
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}
