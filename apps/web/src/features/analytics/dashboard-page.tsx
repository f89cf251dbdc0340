import { KPI_MEASURES, type TKpiMeasure, type TKpiPeriod, ZKpiMeasure, ZKpiPeriod } from '@clientela/contract';
import { Alert, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useKpiBoard, useKpiSeries } from './api.ts';
import { drillDownUrl, formatTime } from './kpi-format.ts';
import { KpiTile } from './kpi-tile.tsx';

const ComparisonChart = lazy(async () => ({ default: (await import('./kpi-charts.tsx')).ComparisonChart }));
const SeriesChart = lazy(async () => ({ default: (await import('./kpi-charts.tsx')).SeriesChart }));

/**
 * `/dashboard`: the daily KPI board — new potential clients, quotes sent, new deals, deals won,
 * complaints received and resolved today, this week or this month against the previous period up
 * to the same moment, for the whole company or one branch (`?period=week&unit=…&measure=…` in the
 * address). Tiles, bars and points open the records behind them.
 */
export function DashboardPage() {
  const { t } = useTranslation('analytics');
  const { t: tCommon } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period: TKpiPeriod = ZKpiPeriod.safeParse(params.get('period')).data ?? 'today';
  const measure: TKpiMeasure = ZKpiMeasure.safeParse(params.get('measure')).data ?? 'newDeals';
  const unitId = params.get('unit') ?? undefined;
  const board = useKpiBoard({ period, unitId });
  const series = useKpiSeries({ period, unitId, measure });
  // Employees see their own figures: their lists open on their own records.
  const ownerId = me.role === 'employee' ? me.id : undefined;
  // The lists open on the days of the period shown, on the board's calendar.
  const shown = board.data ? { from: board.data.current.from, to: board.data.current.to, timeZone: board.data.timeZone } : undefined;
  const drill = (m: TKpiMeasure) => drillDownUrl(m, ownerId, shown);

  const change = (next: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        return updated;
      },
      { replace: true },
    );

  const labels = useMemo(
    () => ({
      current: t(`kpi.current.${period}`),
      previous: t(`kpi.previousPeriod.${period}`),
      measures: Object.fromEntries(KPI_MEASURES.map((m) => [m, t(`kpi.measures.${m}`)])) as Record<TKpiMeasure, string>,
    }),
    [t, period],
  );

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<TKpiPeriod>
          aria-label={t('kpi.period')}
          value={period}
          onChange={(next) => change({ period: next === 'today' ? undefined : next })}
          options={(['today', 'week', 'month'] as const).map((value) => ({ value, label: t(`kpi.periods.${value}`) }))}
        />
        {me.role !== 'employee' && (
          <div style={{ minWidth: 220 }}>
            <UnitSelect
              aria-label={t('kpi.unit')}
              value={unitId ?? null}
              onChange={(next) => change({ unit: next ?? undefined })}
              placeholder={t('kpi.allUnits')}
            />
          </div>
        )}
        {board.data && (
          <Typography.Text type="secondary" data-testid="kpi-refreshed">
            {t('kpi.asOf', { time: formatTime(board.data.refreshedAt, locale, board.data.timeZone) })}
          </Typography.Text>
        )}
      </Flex>

      {board.isError && <Alert type="error" showIcon title={errorMessage(tCommon, board.error)} style={{ marginBottom: 16 }} />}
      {board.isPending ? (
        <Skeleton active />
      ) : board.data ? (
        <>
          <Row gutter={[16, 16]}>
            {board.data.kpis.map((kpi) => (
              <Col key={kpi.measure} xs={24} sm={12} lg={8} xxl={4}>
                <KpiTile kpi={kpi} currency={board.data.baseCurrency} locale={locale} href={drill(kpi.measure)} />
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('kpi.comparison')}>
                <Suspense fallback={<div style={{ height: 260 }} />}>
                  <ComparisonChart
                    kpis={board.data.kpis}
                    labels={labels}
                    label={t('kpi.comparisonLabel')}
                    onOpen={(m) => navigate(drill(m))}
                  />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card
                size="small"
                title={t(`kpi.byStep.${period === 'today' ? 'hour' : 'day'}`)}
                extra={
                  <Select<TKpiMeasure>
                    aria-label={t('kpi.measure')}
                    size="small"
                    value={measure}
                    onChange={(next) => change({ measure: next === 'newDeals' ? undefined : next })}
                    options={KPI_MEASURES.map((value) => ({ value, label: labels.measures[value] }))}
                    popupMatchSelectWidth={false}
                  />
                }
              >
                {series.data ? (
                  <Suspense fallback={<div style={{ height: 280 }} />}>
                    <SeriesChart
                      series={series.data}
                      locale={locale}
                      labels={labels}
                      label={t('kpi.seriesLabel', { name: labels.measures[measure] })}
                      onOpen={() => navigate(drill(measure))}
                    />
                  </Suspense>
                ) : series.isError ? (
                  <Empty description={errorMessage(tCommon, series.error)} />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('kpi.note')}
          </Typography.Paragraph>
        </>
      ) : null}
    </>
  );
}
