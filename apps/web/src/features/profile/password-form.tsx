import { type TChangePasswordInput, ZChangePasswordInput } from '@clientela/contract';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useChangePassword } from './api.ts';

type Values = TChangePasswordInput & { confirm: string };

const fields = ZChangePasswordInput.shape;

/** Changes one's own password, asking for the current one and the new one twice. */
export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = async ({ currentPassword, newPassword }: Values) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.resetFields();
      message.success(t('profile.password.changed'));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  return (
    <Card title={t('profile.password.title')}>
      <ErrorAlert error={change.error} />
      <Form form={form} name="password" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('profile.password.title')}>
        <Form.Item name="currentPassword" label={t('profile.password.current')} rules={[zodRule(t, fields.currentPassword)]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.password.new')}
          extra={t('common.passwordHelp')}
          rules={[zodRule(t, fields.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) throw new Error(t('validation.required'));
                if (value !== form.getFieldValue('newPassword')) throw new Error(t('validation.passwordsDiffer'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
