import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/templates`: the mail templates. */
export function TemplatesPage() {
  const { t } = useTranslation('mailings');
  return <PageHeader title={t('title')} />;
}
