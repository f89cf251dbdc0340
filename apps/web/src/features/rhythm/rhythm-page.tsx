import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { BirthdaysTab } from './birthdays-tab.tsx';
import { ComplianceTab } from './compliance-tab.tsx';
import { DormantTab } from './dormant-tab.tsx';
import { NotContactedTab } from './not-contacted-tab.tsx';

const TABS = ['compliance', 'birthdays', 'notContacted', 'dormant'] as const;
type Tab = (typeof TABS)[number];

/** `/rhythm`: who keeps the contact rhythm, and the lists to act on: birthdays, silent and dormant customers. */
export function RhythmPage() {
  const { t } = useTranslation('rhythm');
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'compliance';
  const content: Record<Tab, React.ReactNode> = {
    compliance: <ComplianceTab />,
    birthdays: <BirthdaysTab />,
    notContacted: <NotContactedTab />,
    dormant: <DormantTab />,
  };
  return (
    <>
      <PageHeader title={t('rhythm.title')} subtitle={t('rhythm.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`tabs.${key}`), children: content[key] }))}
      />
    </>
  );
}
