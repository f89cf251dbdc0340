import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { BudgetTab } from './budget-tab.tsx';
import { LeadSourcesTab } from './lead-sources-tab.tsx';
import { WebFormsTab } from './web-forms-tab.tsx';

const TABS = ['sources', 'forms', 'budget'] as const;
type Tab = (typeof TABS)[number];

/** `/marketing/settings`: lead sources, web forms and the budget plan. */
export function MarketingSettingsPage() {
  const { t } = useTranslation('marketing');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'sources';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'sources', label: t('settings.sources'), children: <LeadSourcesTab /> },
            { key: 'forms', label: t('settings.forms'), children: <WebFormsTab /> },
            { key: 'budget', label: t('settings.budget'), children: <BudgetTab /> },
          ]}
        />
      </Card>
    </>
  );
}
