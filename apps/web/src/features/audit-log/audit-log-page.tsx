import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder: the audit log page is being built. */
export function AuditLogPage() {
  const { t } = useTranslation('auditLog');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
