import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/marketing/roi`: ROI per campaign and per source over a period, with a chart and the budget-cut view. */
export function RoiPage() {
  const { t } = useTranslation('marketing');
  return <PageHeader title={t('title')} />;
}
