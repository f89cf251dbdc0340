import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OptionRow, optionsOf } from './field-form.ts';

/** The choices of a select field: what people see, and the value stored on records (kept once saved). */
export function OptionsInput() {
  const { t } = useTranslation('customers');
  // `saved` has no input of its own: only a preserving watch sees it.
  const rows = Form.useWatch<OptionRow[] | undefined>('options', { preserve: true });
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_rule, rows: OptionRow[] | undefined) => {
            const options = optionsOf(rows);
            if (options.length === 0) throw new Error(t('customFields.form.optionsRequired'));
            if (new Set(options.map((option) => option.value)).size !== options.length) {
              throw new Error(t('customFields.form.optionsUnique'));
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('customFields.form.options')} extra={t('customFields.form.optionsHelp')} required>
          <Flex vertical gap={8}>
            {fields.length > 0 && (
              <Flex gap={8} aria-hidden>
                <Typography.Text type="secondary" style={{ flex: 3 }}>
                  {t('customFields.form.optionShown')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ flex: 2 }}>
                  {t('customFields.form.optionStored')}
                </Typography.Text>
                <span style={{ width: 32 }} />
              </Flex>
            )}
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'label']} style={{ flex: 3, marginBottom: 0 }}>
                  <Input
                    aria-label={t('customFields.form.optionLabel', { number: index + 1 })}
                    placeholder={t('customFields.form.optionLabelPlaceholder')}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} style={{ flex: 2, marginBottom: 0 }}>
                  <Input
                    aria-label={t('customFields.form.optionValue', { number: index + 1 })}
                    placeholder={t('customFields.form.optionValuePlaceholder')}
                    maxLength={100}
                    // Records store this value: changing it would orphan what they hold.
                    disabled={Boolean(rows?.[field.name]?.saved)}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('customFields.form.removeOption', { number: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('customFields.form.addOption')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
