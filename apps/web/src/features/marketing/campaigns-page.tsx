import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/campaigns`: the campaigns with their budgets, costs and results. */
export function CampaignsPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
