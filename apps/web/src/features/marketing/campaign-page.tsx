import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/campaigns/:id`: one campaign: dates, budget, cost lines, segment and its ROI. */
export function CampaignPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
