import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/surveys/:id`: a survey's builder, sending, results and call lists. */
export function SurveyPage() {
  const { t } = useTranslation('surveys');
  return <PageHeader title={t('title')} />;
}
