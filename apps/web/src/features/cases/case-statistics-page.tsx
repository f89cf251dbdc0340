import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function CaseStatisticsPage() {
  const { t } = useTranslation('caseStats');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
