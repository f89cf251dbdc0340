import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../auth/api.ts';
import { CalendarsTab } from './settings/calendars-tab.tsx';
import { CaseTypesTab } from './settings/case-types-tab.tsx';
import { RoutingRulesTab } from './settings/routing-rules-tab.tsx';
import { SlaPoliciesTab } from './settings/sla-policies-tab.tsx';

const TABS = ['types', 'sla', 'calendars', 'routing'] as const;

/** How cases are typed, timed and routed: changed by admins, read by everyone else. */
export function CaseSettingsPage() {
  const { t } = useTranslation('caseSettings');
  const admin = useMe().role === 'admin';
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'types';
  return (
    <>
      <PageHeader title={t('title')} />
      {!admin && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'types' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'types', label: t('tabs.types'), children: <CaseTypesTab admin={admin} /> },
          { key: 'sla', label: t('tabs.sla'), children: <SlaPoliciesTab admin={admin} /> },
          { key: 'calendars', label: t('tabs.calendars'), children: <CalendarsTab admin={admin} /> },
          { key: 'routing', label: t('tabs.routing'), children: <RoutingRulesTab admin={admin} /> },
        ]}
      />
    </>
  );
}
