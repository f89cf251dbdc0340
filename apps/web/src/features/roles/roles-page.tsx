import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder: the roles editor is being built. */
export function RolesPage() {
  const { t } = useTranslation('roles');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
