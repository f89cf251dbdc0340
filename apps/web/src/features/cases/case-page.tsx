import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function CasePage() {
  const { t } = useTranslation('cases');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
