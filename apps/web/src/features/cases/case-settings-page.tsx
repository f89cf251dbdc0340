import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function CaseSettingsPage() {
  const { t } = useTranslation('caseSettings');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
