import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { useSession } from '../auth/api.ts';
import { AuthShell } from '../auth/auth-shell.tsx';
import { useSetupStatus } from './api.ts';
import { SetupForm } from './setup-form.tsx';

/** `/setup`: shown on first start, while the server has no workspace yet. */
export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSetupStatus();
  const session = useSession();

  if (session.data) return <Navigate to="/" replace />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/login" replace />;
  if (setup.isPending) return <PageSpinner fullScreen />;

  return (
    <AuthShell title={t('setup.title')} subtitle={t('setup.subtitle')} wide>
      <SetupForm />
    </AuthShell>
  );
}
