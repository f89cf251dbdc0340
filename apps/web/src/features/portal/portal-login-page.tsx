import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Result, Spin, Tabs, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { usePortalLogin, usePortalMagicLink, usePortalPasswordReset } from './portal-account-api.ts';
import { PortalAccountShell, safePortalNext } from './portal-account-shell.tsx';
import { usePortalBranding, usePortalMe } from './portal-api.ts';

type Values = { email: string; password: string };

/** `/portal/:workspace/login`: a customer signs in with a password or asks for a sign-in link. */
export function PortalLoginPage() {
  const { t } = useTranslation('portal');
  const { workspace = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const branding = usePortalBranding(workspace);
  const me = usePortalMe();
  const login = usePortalLogin();
  const magicLink = usePortalMagicLink();
  const reset = usePortalPasswordReset();
  const [linkForm] = Form.useForm<{ email: string }>();
  const next = safePortalNext(params.get('next'), workspace);

  if (me.data && me.data.workspace.slug === workspace) return <Navigate to={next} replace />;
  if (branding.isPending) return <Spin fullscreen />;
  if (isApiError(branding.error) && branding.error.status === 404) {
    return (
      <PortalAccountShell title={t('entry.title')}>
        <Result status="404" subTitle={t('login.unknownPortal')} />
      </PortalAccountShell>
    );
  }
  const name = branding.data?.title ?? branding.data?.name ?? workspace;
  const required: Rule = { required: true, whitespace: true, message: t('profile.required') };
  const emailRules: Rule[] = [required, { type: 'email', message: t('login.invalidEmail') }, { max: 254 }];

  const passwordForm = (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      aria-label={t('login.withPassword')}
      onFinish={(values) =>
        login.mutate(
          { workspace, email: values.email.trim(), password: values.password },
          { onSuccess: () => navigate(next, { replace: true }) },
        )
      }
    >
      <ErrorAlert error={login.error} />
      <Form.Item name="email" label={t('login.email')} rules={emailRules}>
        <Input type="email" autoComplete="username" prefix={<MailOutlined />} size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ ...required, whitespace: false }, { max: 200 }]}>
        <Input.Password autoComplete="current-password" prefix={<LockOutlined />} size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending} style={colourOf(branding.data?.color)}>
        {t('login.submit')}
      </Button>
    </Form>
  );

  const askReset = () =>
    void linkForm
      .validateFields()
      .then((values) => reset.mutate({ workspace, email: values.email.trim() }))
      .catch(() => undefined);

  const linkTab = magicLink.isSuccess ? (
    <Alert type="success" showIcon title={t('login.linkSent')} role="status" />
  ) : reset.isSuccess ? (
    <Alert type="success" showIcon title={t('login.resetSent')} role="status" />
  ) : (
    <Form<{ email: string }>
      form={linkForm}
      layout="vertical"
      requiredMark={false}
      aria-label={t('login.withLink')}
      onFinish={(values) => magicLink.mutate({ workspace, email: values.email.trim() })}
    >
      <Typography.Paragraph type="secondary">{t('login.linkHelp')}</Typography.Paragraph>
      <ErrorAlert error={magicLink.error ?? reset.error} />
      <Form.Item name="email" label={t('login.email')} rules={emailRules}>
        <Input type="email" autoComplete="username" prefix={<MailOutlined />} size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={magicLink.isPending} style={colourOf(branding.data?.color)}>
        {t('login.sendLink')}
      </Button>
      <Button type="link" block loading={reset.isPending} onClick={askReset} style={{ marginTop: 8, whiteSpace: 'normal', height: 'auto' }}>
        {t('login.forgot')}
      </Button>
    </Form>
  );

  return (
    <PortalAccountShell branding={branding.data} title={t('login.title', { name })} subtitle={t('login.subtitle')}>
      <ErrorAlert error={branding.error} />
      <Tabs
        items={[
          { key: 'password', label: t('login.withPassword'), children: passwordForm },
          { key: 'link', label: t('login.withLink'), children: linkTab },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.noAccount', { name })}
      </Typography.Paragraph>
    </PortalAccountShell>
  );
}

/** The workspace's colour on the main button, when it has one. */
function colourOf(color: string | null | undefined) {
  return color ? { background: color, borderColor: color } : undefined;
}
