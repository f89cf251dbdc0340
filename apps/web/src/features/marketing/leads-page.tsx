import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/leads`: potential customers to qualify. */
export function LeadsPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
