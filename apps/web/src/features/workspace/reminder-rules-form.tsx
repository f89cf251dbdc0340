import { BellOutlined } from '@ant-design/icons';
import { DEFAULT_TASK_REMINDER_RULES, type TTaskReminderRules } from '@clientela/contract';
import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { DurationInput } from './duration-input.tsx';
import { useReminderRules, useSaveReminderRules } from './reminder-rules-api.ts';

type RuleKey = keyof TTaskReminderRules;

const RULES: RuleKey[] = ['remindBeforeMinutes', 'notReceivedMinutes', 'notAcceptedMinutes', 'repeatMinutes'];
const MAX_MINUTES = 28 * 24 * 60;
const MIN_REPEAT_MINUTES = 15;

/** The limits of ZTaskReminderRules, said in words a person can act on. */
function lengthRule(t: TFunction<'taskSettings'>, key: RuleKey): Rule {
  return {
    validator: async (_rule, value: number | null | undefined) => {
      if (value === null || value === undefined) throw new Error(t('reminders.required'));
      if (value > MAX_MINUTES) throw new Error(t('reminders.tooLong'));
      if (key === 'repeatMinutes' && value > 0 && value < MIN_REPEAT_MINUTES) throw new Error(t('reminders.tooShort'));
    },
  };
}

/** The workspace's reminder and escalation rules: each on or off, in hours or days; admins change them, others read. */
export function ReminderRulesForm() {
  const { t } = useTranslation('taskSettings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useMe().role === 'admin';
  const rules = useReminderRules();
  const save = useSaveReminderRules();
  const [form] = Form.useForm<TTaskReminderRules>();

  const submit = async (values: TTaskReminderRules) => {
    try {
      await save.mutateAsync(values);
      message.success(t('reminders.saved'));
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
          <BellOutlined />
          {t('reminders.title')}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('reminders.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('reminders.readOnly')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={rules.error ?? save.error} />
      {rules.data && (
        <Form
          form={form}
          name="reminder-rules"
          layout="vertical"
          requiredMark={false}
          disabled={!canEdit}
          initialValues={rules.data}
          onFinish={submit}
          aria-label={t('reminders.title')}
        >
          {RULES.map((key) => (
            <Form.Item
              key={key}
              name={key}
              label={t(`reminders.rules.${key}.label`)}
              extra={t(`reminders.rules.${key}.help`)}
              rules={[lengthRule(t, key)]}
            >
              <DurationInput label={t(`reminders.rules.${key}.label`)} fallback={DEFAULT_TASK_REMINDER_RULES[key]} />
            </Form.Item>
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
