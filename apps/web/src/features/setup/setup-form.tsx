import { type TCreateWorkspaceInput, ZCreateWorkspaceInput } from '@clientela/contract';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, TimeZoneSelect } from '../../components/time-zone-select.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { AuthError } from '../auth/auth-error.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateWorkspace } from './api.ts';

type Values = Omit<TCreateWorkspaceInput, 'locale'>;

const fields = ZCreateWorkspaceInput.shape;

/** The first admin names the company and creates their own account. */
export function SetupForm() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorkspace();

  const submit = (values: Values) => {
    create.mutate(
      { ...values, email: values.email.trim(), locale },
      { onError: (error) => showFieldErrors(form, error, errorMessage(t, error)) },
    );
  };

  return (
    <Form
      form={form}
      name="setup"
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      initialValues={{ timeZone: browserTimeZone() }}
      aria-label={t('setup.title')}
    >
      <AuthError error={create.error} />
      <Form.Item
        name="workspaceName"
        label={t('setup.workspaceName')}
        extra={t('setup.workspaceNameHelp')}
        rules={[zodRule(t, fields.workspaceName)]}
      >
        <Input placeholder={t('setup.workspaceNamePlaceholder')} autoComplete="organization" autoFocus />
      </Form.Item>
      <Form.Item name="name" label={t('setup.name')} rules={[zodRule(t, fields.name)]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="email" label={t('setup.email')} rules={[zodRule(t, fields.email)]} validateDebounce={500}>
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="password" label={t('setup.password')} extra={t('common.passwordHelp')} rules={[zodRule(t, fields.password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="timeZone" label={t('common.timeZone')} rules={[zodRule(t, fields.timeZone)]}>
        <TimeZoneSelect />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={create.isPending}>
        {t('setup.submit')}
      </Button>
    </Form>
  );
}
