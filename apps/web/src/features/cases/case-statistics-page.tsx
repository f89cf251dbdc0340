import { CASE_STAT_DIMENSIONS, type TCaseStatDimension, ZCaseStatDimension } from '@clientela/contract';
import { Alert, Card, Col, DatePicker, Flex, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { nowInZone } from '../../lib/zoned-time.ts';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useCaseStatistics } from './statistics/api.ts';
import { KpiCards } from './statistics/kpi-cards.tsx';
import { periodDays, STAT_PERIODS, type StatPeriod } from './statistics/period.ts';
import { RepeatedUnfounded } from './statistics/repeated-unfounded.tsx';
import { StatsChart, StatsTable } from './statistics/rows.tsx';

/**
 * `/cases/statistics`: cases of a period (this month, last month, this year or any days) by type,
 * category, product, manager, unit, channel, verdict or priority, against the previous period and
 * the same period a year before, with SLA compliance, handling time and the customers with repeated
 * unfounded complaints (`?period=&from=&to=&by=&unit=` in the address).
 */
export function CaseStatisticsPage() {
  const { t } = useTranslation('caseStats');
  const { t: tCommon } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const period = (STAT_PERIODS.find((p) => p === params.get('period')) ?? 'thisMonth') as StatPeriod;
  const by: TCaseStatDimension = ZCaseStatDimension.safeParse(params.get('by')).data ?? 'type';
  const unitId = params.get('unit') ?? undefined;
  const custom = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const days = periodDays(period, nowInZone(me.timeZone), custom);
  const stats = useCaseStatistics({ by, ...days, unitId });

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

  const data = stats.data;
  const periods = useMemo(() => {
    if (!data) return { current: '', previous: '', lastYear: '' };
    const range = (p: { from: string; to: string }) => `${formatCalendarDate(p.from, locale)} – ${formatCalendarDate(p.to, locale)}`;
    return { current: range(data.current), previous: range(data.previous), lastYear: range(data.lastYear) };
  }, [data, locale]);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<StatPeriod>
          aria-label={t('controls.period')}
          value={period}
          onChange={(next) => change({ period: next === 'thisMonth' ? undefined : next })}
          options={STAT_PERIODS.map((value) => ({ value, label: t(`periods.${value}`) }))}
        />
        {period === 'custom' && (
          <DatePicker.RangePicker
            aria-label={t('controls.days')}
            format={DATE_INPUT_FORMAT[locale]}
            value={[custom.from ? dayjs(custom.from) : null, custom.to ? dayjs(custom.to) : null]}
            onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        )}
        <Select<TCaseStatDimension>
          aria-label={t('controls.by')}
          value={by}
          onChange={(next) => change({ by: next === 'type' ? undefined : next })}
          options={CASE_STAT_DIMENSIONS.map((value) => ({ value, label: t(`dimensions.${value}`) }))}
          style={{ minWidth: 160 }}
          popupMatchSelectWidth={false}
        />
        {me.role !== 'employee' && (
          <div style={{ minWidth: 220 }}>
            <UnitSelect
              aria-label={t('controls.unit')}
              value={unitId ?? null}
              onChange={(next) => change({ unit: next ?? undefined })}
              placeholder={t('controls.allUnits')}
            />
          </div>
        )}
        {data && (
          <Typography.Text type="secondary" data-testid="stats-period">
            {periods.current}
          </Typography.Text>
        )}
      </Flex>

      {stats.isError && <Alert type="error" showIcon title={errorMessage(tCommon, stats.error)} style={{ marginBottom: 16 }} />}
      {stats.isPending ? (
        <Skeleton active />
      ) : data ? (
        <Flex vertical gap={16}>
          <KpiCards stats={data} locale={locale} />
          <Card size="small" title={t('chart.title')}>
            <StatsChart stats={data} locale={locale} periods={periods} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('table.title', { dimension: t(`dimensions.${by}`) })}>
                <StatsTable stats={data} locale={locale} periods={periods} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('repeated.title')}>
                <RepeatedUnfounded customers={data.repeatedUnfounded} locale={locale} timeZone={me.timeZone} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary">{t('note')}</Typography.Paragraph>
        </Flex>
      ) : null}
    </>
  );
}
