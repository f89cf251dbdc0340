import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZEmailPoint, ZPhone } from '@clientela/contract';
import { Button, Flex, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../lib/form.ts';

type Props = { kind: 'phones' | 'emails' };

/** Phones or e-mails, each with a label ("work", "mobile", "orders"…). */
export function PointsInput({ kind }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const phone = kind === 'phones';
  const valueLabel = phone ? t('form.phone') : t('form.email');
  const schema = phone ? ZPhone.shape.value : ZEmailPoint.shape.value;
  const checkFilled = zodRule(tc, schema);
  // A row left empty is simply dropped when saving, so only a filled-in value is checked.
  const rule: Rule = {
    validator: async (rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (typeof checkFilled === 'object' && checkFilled.validator) await checkFilled.validator(rule, value, () => undefined);
    },
  };
  return (
    <Form.Item label={t(`fields.${kind}`)}>
      <Form.List name={kind}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'value']} rules={[rule]} style={{ flex: 2, marginBottom: 0 }}>
                  <Input
                    type={phone ? 'tel' : 'email'}
                    aria-label={`${valueLabel} ${index + 1}`}
                    placeholder={valueLabel}
                    autoComplete="off"
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'label']} style={{ flex: 1, marginBottom: 0 }}>
                  <Input aria-label={`${t('form.label')} ${index + 1}`} placeholder={t('form.labelPlaceholder')} maxLength={40} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('form.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
              {phone ? t('form.addPhone') : t('form.addEmail')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
