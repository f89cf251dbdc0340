import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** The page's heading; what it shows is built up below it. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  return <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />;
}
