import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/s/:token`: the public page where a customer answers a survey, without signing in. */
export function PublicSurveyPage() {
  const { t } = useTranslation('surveys');
  return <PageHeader title={t('title')} />;
}
