import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function CaseSettingsPage() {
  const { t } = useTranslation('cases');
  return <Typography.Title level={2}>{t('settings.title')}</Typography.Title>;
}
