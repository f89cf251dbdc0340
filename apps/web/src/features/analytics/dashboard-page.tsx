import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** The page's heading; what it shows is built up below it. */
export function DashboardPage() {
  const { t } = useTranslation('analytics');
  return <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />;
}
