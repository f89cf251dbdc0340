import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/surveys`: the surveys. */
export function SurveysPage() {
  const { t } = useTranslation('surveys');
  return <PageHeader title={t('title')} />;
}
