import { IDEA_STATUSES, type TIdeaDetail, type TIdeaStatus } from '@clientela/contract';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useIdeaActions } from './idea-api.ts';

type Values = { status: TIdeaStatus; answer: string };

/** Status select and public answer of an idea, for managers and admins. */
export function IdeaAnswerForm({ idea }: { idea: TIdeaDetail }) {
  const { t } = useTranslation('ideas');
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const { update } = useIdeaActions();
  const [form] = Form.useForm<Values>();
  const mayAnswer = me.role === 'admin' || me.role === 'manager';
  return (
    <div>
      <ErrorAlert error={update.error} />
      {!mayAnswer && <Typography.Paragraph type="secondary">{t('staff.readOnly')}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        disabled={!mayAnswer}
        initialValues={{ status: idea.status, answer: idea.answer ?? '' }}
        onFinish={(values) =>
          update.mutate(
            { id: idea.id, input: { status: values.status, answer: values.answer.trim() || null } },
            { onSuccess: () => message.success(t('staff.saved')) },
          )
        }
      >
        <Form.Item name="status" label={t('staff.columns.status')}>
          <Select options={IDEA_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="answer" label={t('staffAnswer')} extra={t('staff.answerHelp')}>
          <Input.TextArea placeholder={t('staff.answerPlaceholder')} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        {mayAnswer && (
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('staff.save')}
          </Button>
        )}
      </Form>
      {idea.answeredBy && idea.answeredAt && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('staff.answeredBy', { name: idea.answeredBy.name, date: formatInstant(idea.answeredAt, locale, me.timeZone) })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
