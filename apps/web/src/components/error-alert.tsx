import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';

/** The translated message of a failed request, shown above a form. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(t, error)} role="alert" style={{ marginBottom: 16 }} />;
}
