import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function CaseStatisticsPage() {
  const { t } = useTranslation('cases');
  return <Typography.Title level={2}>{t('statistics.title')}</Typography.Title>;
}
