import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/leads/:id`: one lead: details, attribution, qualification and conversion. */
export function LeadPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
