import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/templates/:id`: a template's editor with a preview per language and a test send. */
export function TemplatePage() {
  const { t } = useTranslation('mailings');
  return <PageHeader title={t('title')} />;
}
