import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS } from '@clientela/contract';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useUpdateWorkspaceSettings, useWorkspaceSettings } from '../workspace/api.ts';

type Values = { auditRetentionDays: number };

/** The "Audit log" card of the workspace settings: how many days its events are kept. */
export function AuditRetentionForm() {
  const { t } = useTranslation('auditLog');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const settings = useWorkspaceSettings();
  const update = useUpdateWorkspaceSettings();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    try {
      await update.mutateAsync({ auditRetentionDays: values.auditRetentionDays });
      message.success(t('retention.saved'));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Card title={t('retention.title')} style={{ maxWidth: 640, marginTop: 16 }} loading={settings.isPending}>
      <ErrorAlert error={settings.error} />
      <Typography.Paragraph type="secondary">{t('retention.help')}</Typography.Paragraph>
      {settings.data && (
        <Form
          form={form}
          name="audit-retention"
          layout="inline"
          requiredMark={false}
          onFinish={submit}
          initialValues={{ auditRetentionDays: settings.data.auditRetentionDays }}
        >
          <Form.Item
            name="auditRetentionDays"
            label={t('retention.days')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: AUDIT_RETENTION_MIN_DAYS,
                max: AUDIT_RETENTION_MAX_DAYS,
                message: t('retention.range', { min: AUDIT_RETENTION_MIN_DAYS, max: AUDIT_RETENTION_MAX_DAYS }),
              },
            ]}
          >
            <InputNumber aria-label={t('retention.days')} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('retention.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
