import {
  CUSTOM_FIELD_TYPES,
  type TCustomEntity,
  type TCustomField,
  type TCustomFieldType,
  ZCreateCustomFieldInput,
} from '@clientela/contract';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateCustomField, useUpdateCustomField } from './api.ts';
import { currencyOptions } from './currency-options.ts';
import { type FieldFormValues, isChoice, newFieldValues, toCreateFieldInput, toFieldFormValues, toUpdateFieldInput } from './field-form.ts';
import { KEY_PATTERN, suggestKey } from './field-key.ts';
import { OptionsInput } from './options-input.tsx';

type Props = {
  open: boolean;
  entity: TCustomEntity;
  /** The field to edit; none to add one. */
  field?: TCustomField;
  /** The other fields of the same records: their keys are taken, and a new field goes after them. */
  fields: readonly TCustomField[];
  onClose: () => void;
};

/** A key already used by another field of the same records. */
function isKeyTaken(error: unknown): boolean {
  return isApiError(error, 'conflict') && error.errors.some((item) => item.path.endsWith('key'));
}

/** The API answers in English; the fields it names get a message in the user's language instead. */
function translatedErrors(t: TFunction<'customers'>, error: unknown): { name: keyof FieldFormValues; errors: string[] }[] {
  if (!isApiError(error)) return [];
  const messages: Partial<Record<string, string>> = {
    key: isKeyTaken(error) ? t('customFields.form.keyTaken') : t('customFields.form.keyFormat'),
    currency: t('customFields.form.currencyRequired'),
    options: t('customFields.form.optionsInvalid'),
  };
  return error.errors.flatMap((item) => {
    const name = item.path.replace(/^\/|^body[./]/, '');
    const message = messages[name];
    return message ? [{ name: name as keyof FieldFormValues, errors: [message] }] : [];
  });
}

/** An admin adds a field to companies or contacts, or changes one; its key and type stay once made. */
export function CustomFieldModal({ open, entity, field, fields, onClose }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [form] = Form.useForm<FieldFormValues>();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  const type = Form.useWatch('type', form);
  // The key follows the label until the admin types one of their own.
  const keyTouched = useRef(false);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);
  const title = field ? t('customFields.editTitle', { label: field.label }) : t(`customFields.createTitle.${entity}`);
  const takenKeys = new Set(fields.filter((other) => other.id !== field?.id).map((other) => other.key));
  // Read when the dialog opens, not on every refetch: the admin's typing must not be reset.
  const initial = useRef<FieldFormValues>({});
  initial.current = field ? toFieldFormValues(field) : newFieldValues(fields, locale);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial.current);
    keyTouched.current = false;
    create.reset();
    update.reset();
  }, [open, form, create.reset, update.reset]);

  const onValuesChange = (changed: FieldFormValues) => {
    if (field) return;
    if ('key' in changed) keyTouched.current = (changed.key ?? '') !== '';
    if ('label' in changed && !keyTouched.current) form.setFieldValue('key', suggestKey(changed.label ?? ''));
  };

  const submit = async (values: FieldFormValues) => {
    try {
      if (field) {
        await update.mutateAsync({ id: field.id, ...toUpdateFieldInput(field, values) });
        message.success(t('customFields.updated'));
      } else {
        const created = await create.mutateAsync(toCreateFieldInput(entity, values));
        message.success(t('customFields.created', { label: created.label }));
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
      form.setFields(translatedErrors(t, error));
    }
  };

  const keyRule = {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (field) return;
      const key = value?.trim() ?? '';
      if (key === '') throw new Error(tc('validation.required'));
      if (!KEY_PATTERN.test(key)) throw new Error(t('customFields.form.keyFormat'));
      if (takenKeys.has(key)) throw new Error(t('customFields.form.keyTaken'));
    },
  };

  return (
    <Modal
      open={open}
      title={title}
      width={640}
      okText={field ? tc('common.save') : tc('common.create')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      forceRender
    >
      {/* A taken key is said next to the key; the generic "someone changed this" would mislead. */}
      <ErrorAlert error={isKeyTaken(mutation.error) ? null : mutation.error} />
      <Form
        form={form}
        name="custom-field"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={onValuesChange}
        aria-label={title}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="label" label={t('customFields.form.label')} rules={[zodRule(tc, ZCreateCustomFieldInput.shape.label)]}>
              <Input maxLength={120} autoComplete="off" placeholder={t('customFields.form.labelPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="key"
              label={t('customFields.form.key')}
              rules={[keyRule]}
              extra={field ? t('customFields.form.keyLocked') : t('customFields.form.keyHelp')}
              validateDebounce={300}
            >
              <Input maxLength={40} autoComplete="off" disabled={Boolean(field)} spellCheck={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="type" label={t('customFields.form.type')} extra={type && t(`customFields.typeHints.${type}`)}>
          <Select<TCustomFieldType>
            disabled={Boolean(field)}
            options={CUSTOM_FIELD_TYPES.map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
          />
        </Form.Item>
        {isChoice(type) && <OptionsInput />}
        {type === 'money' && (
          <Form.Item
            name="currency"
            label={t('customFields.form.currency')}
            rules={[{ required: true, message: t('customFields.form.currencyRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} disabled={Boolean(field)} options={currencies} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="required"
              label={t('customFields.form.required')}
              valuePropName="checked"
              extra={t(`customFields.form.requiredHelp.${entity}`)}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="position" label={t('customFields.form.position')} extra={t('customFields.form.positionHelp')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
