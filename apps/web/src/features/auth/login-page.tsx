import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { useSetupStatus } from '../setup/api.ts';
import { forgetLoggedOut, useSession } from './api.ts';
import { AuthShell } from './auth-shell.tsx';
import { LoginForm } from './login-form.tsx';
import { safeNext } from './require-auth.tsx';

/** `/login`: signs people in, or sends the very first visitor to create the workspace. */
export function LoginPage() {
  const { t } = useTranslation();
  const setup = useSetupStatus();
  const session = useSession();
  const [params] = useSearchParams();
  useEffect(forgetLoggedOut, []);

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  if (setup.isPending || session.isPending) return <PageSpinner fullScreen />;

  return (
    <AuthShell title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <LoginForm />
      <p className="auth-shell__note">{t('auth.login.noAccount')}</p>
    </AuthShell>
  );
}
