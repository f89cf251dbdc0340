import { PLAN_KINDS, type TForecastPeriod, type TPlanKind } from '@clientela/contract';
import { Alert, Card, Col, Row, Select, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useForecast } from '../plans/api.ts';
import { TargetSelect } from '../plans/target-select.tsx';
import { ForecastBacktest } from './forecast-backtest.tsx';
import { ForecastChart } from './forecast-chart.tsx';
import { ControlsRow, RefreshedAt } from './report-controls.tsx';
import { money, percent, periodLabel } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

/** The forecast of a coming period against its plan. */
function PeriodCard({ title, period, currency }: { title: string; period: TForecastPeriod; currency: string }) {
  const { t } = useTranslation('forecast');
  const { locale } = useLocale();
  const range =
    period.from === period.to
      ? periodLabel(period.from, locale)
      : `${periodLabel(period.from, locale)} – ${periodLabel(period.to, locale)}`;
  const ofPlan =
    period.plan !== null && Number(period.plan) > 0 ? ((Number(period.forecast) / Number(period.plan)) * 100).toFixed(2) : null;
  return (
    <Card size="small">
      <Statistic title={`${title} · ${range}`} value={money(period.forecast, currency, locale)} />
      <Typography.Text type={ofPlan === null ? 'secondary' : Number(ofPlan) >= 100 ? 'success' : 'warning'}>
        {period.plan === null
          ? t('forecast.noPlan')
          : t('forecast.ofPlan', { percent: ofPlan === null ? '—' : percent(ofPlan, locale), plan: money(period.plan, currency, locale) })}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary">
        {t('forecast.parts', { pipeline: money(period.pipeline, currency, locale), runRate: money(period.runRate, currency, locale) })}
      </Typography.Text>
    </Card>
  );
}

/** The forecast against the plan for the company, a branch, a manager, a product or a customer, with its backtest. */
export function ForecastReport() {
  const { t } = useTranslation('forecast');
  const { locale } = useLocale();
  const { get, change } = useReportParams();
  const me = useMe();
  // Employees see their own deals: their own forecast is where they start.
  const start = me.role === 'employee' && !get('kind') ? { kind: 'owner' as const, targetId: me.id } : undefined;
  const kind: TPlanKind = start?.kind ?? PLAN_KINDS.find((one) => one === get('kind')) ?? 'total';
  const targetId = kind === 'total' ? undefined : (start?.targetId ?? get('targetId'));
  const basis = get('basis') === 'orders' ? 'orders' : undefined;
  const forecast = useForecast({ kind, targetId, basis });
  const report = forecast.data;
  const currency = report?.baseCurrency ?? 'EUR';

  return (
    <>
      <ControlsRow>
        <Select
          aria-label={t('forecast.kind')}
          value={kind}
          onChange={(next) => change({ kind: next, targetId: undefined })}
          options={PLAN_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          style={{ minWidth: 180 }}
        />
        {kind !== 'total' && (
          <TargetSelect
            key={kind}
            kind={kind}
            action="read"
            value={targetId}
            label={report?.target?.id === targetId ? report?.target?.name : undefined}
            onChange={(id) => change({ kind, targetId: id })}
            placeholder={t('forecast.pickTarget')}
            aria-label={t('forecast.pickTarget')}
          />
        )}
        <Select
          aria-label={t('basis.label')}
          value={basis ?? 'won_deals'}
          onChange={(next) => change({ basis: next === 'won_deals' ? undefined : next })}
          options={(['won_deals', 'orders'] as const).map((value) => ({ value, label: t(`basis.${value}`) }))}
          style={{ minWidth: 170 }}
        />
        <RefreshedAt query={forecast} />
      </ControlsRow>
      <ErrorAlert error={forecast.error} />
      {kind !== 'total' && !targetId && <Alert type="info" showIcon title={t('forecast.pickTarget')} />}
      {report && (kind === 'total' || targetId) && (
        <>
          {report.partial && <Alert type="warning" showIcon title={t('forecast.partial')} style={{ marginBottom: 16 }} />}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              <PeriodCard title={t('forecast.nextMonth')} period={report.nextMonth} currency={currency} />
            </Col>
            <Col xs={24} md={12}>
              <PeriodCard title={t('forecast.nextQuarter')} period={report.nextQuarter} currency={currency} />
            </Col>
          </Row>
          <ForecastChart report={report} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="forecast-notes">
            {report.historyMonths === 0
              ? t('forecast.noHistory')
              : report.seasonal
                ? t('forecast.seasonal')
                : t('forecast.history', { count: report.historyMonths })}{' '}
            {report.undated.count > 0 &&
              t('forecast.undated', { count: report.undated.count, amount: money(report.undated.weighted, currency, locale) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('forecast.model')}</Typography.Paragraph>
          <ForecastBacktest report={report} />
        </>
      )}
    </>
  );
}
