import { LockOutlined } from '@ant-design/icons';
import type { TPortalLink } from '@clientela/contract';
import { Button, Form, Input, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { usePortalLink, useUsePortalLink } from './portal-account-api.ts';
import { PortalAccountShell } from './portal-account-shell.tsx';
import { usePortalBranding } from './portal-api.ts';

/** `/portal/link/:token`: an invitation or sign-in link; an invitation sets a password. */
export function PortalLinkPage() {
  const { t } = useTranslation('portal');
  const { token = '' } = useParams();
  const link = usePortalLink(token);

  if (link.isPending) return <Spin fullscreen description={t('link.checking')} />;
  if (link.isError) {
    return (
      <PortalAccountShell title={t('link.invalidTitle')}>
        {isApiError(link.error, 'link_invalid') ? <InvalidLink /> : <ErrorAlert error={link.error} />}
      </PortalAccountShell>
    );
  }
  return <LinkOf link={link.data} token={token} />;
}

/** The link is known: a password to choose, or a sign-in at once. */
function LinkOf({ link, token }: { link: TPortalLink; token: string }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const branding = usePortalBranding(link.workspace.slug);
  const use = useUsePortalLink(token);
  const { locale, changeLocale } = useLocale();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const started = useRef(false);
  const home = `/portal/${encodeURIComponent(link.workspace.slug)}`;

  // The page speaks the customer's language before they choose a password.
  const languageSet = useRef(false);
  useEffect(() => {
    if (languageSet.current) return;
    languageSet.current = true;
    if (link.language !== locale) void changeLocale(link.language);
  }, [link.language, locale, changeLocale]);

  useEffect(() => {
    if (link.needsPassword || started.current) return;
    started.current = true;
    use.mutate({}, { onSuccess: () => navigate(home, { replace: true }) });
  }, [link.needsPassword, use, navigate, home]);

  if (!link.needsPassword) {
    return (
      <PortalAccountShell branding={branding.data} title={use.isError ? t('link.failed') : t('link.signingIn')}>
        {use.isError ? (
          isApiError(use.error, 'link_invalid') ? (
            <InvalidLink workspace={link.workspace.slug} />
          ) : (
            <ErrorAlert error={use.error} />
          )
        ) : (
          <Spin />
        )}
      </PortalAccountShell>
    );
  }

  const title = link.purpose === 'password_reset' ? t('link.resetTitle') : t('link.inviteTitle', { name: link.name });
  return (
    <PortalAccountShell
      branding={branding.data}
      title={title}
      subtitle={t('link.inviteSubtitle', { workspace: link.workspace.name, email: link.email })}
    >
      {isApiError(use.error, 'link_invalid') ? (
        <InvalidLink workspace={link.workspace.slug} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          aria-label={title}
          onFinish={(values) =>
            use.mutate(
              { password: values.password },
              {
                onSuccess: () => navigate(home, { replace: true }),
                onError: (error) => showFieldErrors(form, error, ''),
              },
            )
          }
        >
          <ErrorAlert error={use.error} />
          <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
          <Form.Item
            name="password"
            label={t('link.password')}
            extra={t('link.passwordHelp')}
            rules={[{ required: true, message: t('profile.required') }, { min: 10, message: t('link.passwordHelp') }, { max: 200 }]}
          >
            <Input.Password autoComplete="new-password" prefix={<LockOutlined />} size="large" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('link.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('profile.required') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string) => {
                  if (value && value !== getFieldValue('password')) throw new Error(t('link.passwordsDiffer'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" prefix={<LockOutlined />} size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={use.isPending}>
            {t('link.accept')}
          </Button>
        </Form>
      )}
    </PortalAccountShell>
  );
}

/** Why a link does not work, and the way to the sign-in page when its portal is known. */
function InvalidLink({ workspace }: { workspace?: string }) {
  const { t } = useTranslation('portal');
  return (
    <Result
      status="warning"
      title={t('link.invalidTitle')}
      subTitle={t('link.invalidText')}
      extra={
        workspace ? (
          <Link to={`/portal/${encodeURIComponent(workspace)}/login`}>
            <Button type="primary">{t('link.toLogin')}</Button>
          </Link>
        ) : (
          <Link to="/portal">
            <Button type="primary">{t('link.toLogin')}</Button>
          </Link>
        )
      }
    />
  );
}
