import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function PublicKbPage() {
  const { t } = useTranslation('kb');
  return <Typography.Title level={2}>{t('public.title')}</Typography.Title>;
}
