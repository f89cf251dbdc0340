import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { TLoginInput } from '@clientela/contract';
import { Button, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useLogin } from './api.ts';
import { AuthError } from './auth-error.tsx';

/**
 * E-mail and password; asks for the workspace only when the e-mail is in several.
 * Its rules mirror ZLoginInput by hand: the contract's zod schemas would double the login page's size.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TLoginInput>();
  const login = useLogin();
  const [askWorkspace, setAskWorkspace] = useState(false);

  const required: Rule = { required: true, whitespace: true, message: t('validation.required') };
  const max = (count: number): Rule => ({ max: count, message: t('validation.tooLong', { count }) });

  const submit = (values: TLoginInput) => {
    const input: TLoginInput = { email: values.email.trim(), password: values.password };
    if (askWorkspace && values.workspace) input.workspace = values.workspace.trim();
    login.mutate(input, {
      onError: (error) => {
        if (isApiError(error, 'workspace_required')) setAskWorkspace(true);
        showFieldErrors(form, error, errorMessage(t, error));
      },
    });
  };

  return (
    <Form form={form} name="login" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('auth.login.title')}>
      <AuthError error={login.error} />
      <Form.Item
        name="email"
        label={t('auth.email')}
        rules={[required, { type: 'email', message: t('validation.email') }, max(254)]}
        validateDebounce={500}
      >
        <Input type="email" autoComplete="username" prefix={<MailOutlined />} size="large" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ ...required, whitespace: false }, max(200)]}>
        <Input.Password autoComplete="current-password" prefix={<LockOutlined />} size="large" />
      </Form.Item>
      {askWorkspace && (
        <Form.Item name="workspace" label={t('auth.workspace')} extra={t('auth.workspaceHelp')} rules={[required, max(64)]}>
          <Input autoComplete="organization" size="large" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
        {t('auth.login.submit')}
      </Button>
    </Form>
  );
}
