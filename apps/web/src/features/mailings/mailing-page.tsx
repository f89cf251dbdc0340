import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** `/mailings/:id`: one mailing: audience, template, progress and recipients. */
export function MailingPage() {
  const { t } = useTranslation('mailings');
  return <PageHeader title={t('title')} />;
}
