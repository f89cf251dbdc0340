import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';

/**
 * The translated message of a failed sign-in or setup, above the form. Plain markup rather
 * than antd's Alert: the login page must stay light (its first-load JS is measured).
 */
export function AuthError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="auth-shell__error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}
