import { PhoneOutlined } from '@ant-design/icons';
import { RHYTHM_ACTIVITY_TYPES, type TRhythmRules } from '@clientela/contract';
import { Alert, App, Button, Card, Checkbox, Flex, Form, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useRhythmRules, useSaveRhythmRules } from './api.ts';

/** Per class, how often its customers must be contacted, what counts, and whether overdue ones become tasks; admins change it, others read. */
export function RhythmRulesForm() {
  const { t } = useTranslation('rhythm');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useMe().role === 'admin';
  const rules = useRhythmRules();
  const save = useSaveRhythmRules();
  const [form] = Form.useForm<TRhythmRules>();

  const submit = async (values: TRhythmRules) => {
    try {
      // Each rule keeps its class: the form shows the classes, it does not edit them.
      const input = { rules: (rules.data?.rules ?? []).map((rule, i) => ({ ...rule, ...values.rules[i] })) };
      await save.mutateAsync(input);
      message.success(t('rules.saved'));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Card
      style={{ maxWidth: 640, marginTop: 16 }}
      loading={rules.isPending}
      title={
        <Flex align="center" gap={8}>
          <PhoneOutlined />
          {t('rules.title')}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('rules.readOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={rules.error ?? save.error} />
      {rules.data?.rules && (
        <Form
          form={form}
          name="rhythm-rules"
          layout="vertical"
          requiredMark={false}
          disabled={!canEdit}
          initialValues={rules.data}
          onFinish={submit}
          aria-label={t('rules.title')}
        >
          {rules.data.rules.map((rule, i) => (
            <fieldset key={rule.class} style={{ border: 'none', padding: 0, margin: '0 0 16px' }}>
              <legend>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('rules.class', { class: rule.class })}
                </Typography.Title>
              </legend>
              <Form.Item
                name={['rules', i, 'everyDays']}
                label={t('rules.everyDays')}
                rules={[
                  {
                    validator: async (_rule, value: number | null | undefined) => {
                      if (value === null || value === undefined) throw new Error(t('rules.daysRequired'));
                      if (value < 1 || value > 365) throw new Error(t('rules.daysRange'));
                    },
                  },
                ]}
              >
                <InputNumber
                  min={1}
                  max={365}
                  precision={0}
                  addonAfter={t('rules.daysUnit')}
                  aria-label={t('rules.everyDaysOf', { class: rule.class })}
                />
              </Form.Item>
              <Form.Item
                name={['rules', i, 'activityTypes']}
                label={t('rules.counted')}
                rules={[{ type: 'array', min: 1, required: true, message: t('rules.typesRequired') }]}
              >
                <Checkbox.Group
                  aria-label={t('rules.countedOf', { class: rule.class })}
                  options={RHYTHM_ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={['rules', i, 'createTasks']}
                valuePropName="checked"
                label={t('rules.createTasks')}
                extra={t('rules.createTasksHelp')}
              >
                <Switch aria-label={t('rules.createTasksOf', { class: rule.class })} />
              </Form.Item>
            </fieldset>
          ))}
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {tc('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
