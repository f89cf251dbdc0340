import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';

/** The page's heading; what it shows is built up below it. */
export function RhythmPage() {
  const { t } = useTranslation('rhythm');
  return <PageHeader title={t('rhythm.title')} subtitle={t('rhythm.subtitle')} />;
}
