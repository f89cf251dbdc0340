import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ReportBuilder } from '../report-builder/report-builder.tsx';
import { AbcReport } from './abc-report.tsx';
import { CustomersReport } from './customers-report.tsx';
import { ForecastReport } from './forecast-report.tsx';
import { FunnelReport } from './funnel-report.tsx';
import { LostReport } from './lost-report.tsx';
import { SalesReport } from './sales-report.tsx';
import { WinRateReport } from './win-rate-report.tsx';

const TABS = ['sales', 'win-rate', 'lost', 'funnel', 'customers', 'abc', 'forecast', 'builder'] as const;
type Tab = (typeof TABS)[number];

/** `/reports/:report`: sales, win rate, customers and ABC×XYZ, each with a chart, a table and an Excel file. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const { report } = useParams();
  const [params] = useSearchParams();
  const active: Tab = TABS.find((one) => one === report) ?? 'sales';
  const content: Record<Tab, React.ReactNode> = {
    sales: <SalesReport />,
    'win-rate': <WinRateReport />,
    customers: <CustomersReport />,
    abc: <AbcReport />,
    lost: <LostReport />,
    funnel: <FunnelReport />,
    forecast: <ForecastReport />,
    builder: <ReportBuilder />,
  };
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Card>
        <Tabs
          activeKey={active}
          // Each report keeps only the period and the unit of the one before: its groupings are its own.
          onChange={(key) => {
            const kept = new URLSearchParams();
            for (const name of ['from', 'to', 'unitId']) {
              const value = params.get(name);
              if (value) kept.set(name, value);
            }
            navigate(`/reports/${key}${kept.size ? `?${kept}` : ''}`);
          }}
          items={TABS.map((key) => ({ key, label: t(`tabs.${key}`), children: key === active ? content[key] : null }))}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
