import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function KbEditorPage() {
  const { t } = useTranslation('kb');
  return <Typography.Title level={2}>{t('title')}</Typography.Title>;
}
