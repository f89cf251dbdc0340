import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/mailings`: the mailings and their progress. */
export function MailingsPage() {
  const { t } = useTranslation('mailings');
  return <PageHeader title={t('title')} />;
}
