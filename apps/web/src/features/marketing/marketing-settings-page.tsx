import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/marketing/settings`: lead sources, web forms and the budget plan. */
export function MarketingSettingsPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
