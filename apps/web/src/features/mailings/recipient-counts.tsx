import type { TRecipientCounts, TRecipientStatus } from '@clientela/contract';
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

// ECharts loads with the first chart shown, not with the mailings list.
const Chart = lazy(async () => ({ default: (await import('../../components/chart.tsx')).Chart }));

/** The outcomes counted on a mailing's page, in the order of the cards and bars. */
export const SHOWN_STATUSES = [
  'sent',
  'skipped_no_consent',
  'skipped_unsubscribed',
  'skipped_no_email',
  'skipped_duplicate',
  'bounced',
  'failed',
] as const satisfies readonly TRecipientStatus[];

const COLOR: Record<(typeof SHOWN_STATUSES)[number], string> = {
  sent: '#0f766e',
  skipped_no_consent: '#f59e0b',
  skipped_unsubscribed: '#eab308',
  skipped_no_email: '#64748b',
  skipped_duplicate: '#94a3b8',
  bounced: '#f97316',
  failed: '#ef4444',
};

type Props = { counts: TRecipientCounts; onPick?: (status: TRecipientStatus) => void };

/** What became of a mailing's messages: one card per outcome (a click filters the recipients) and the same as bars. */
export function RecipientCounts({ counts, onPick }: Props) {
  const { t } = useTranslation('mailings');
  const { locale } = useLocale();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatNumber(value, locale) } },
      yAxis: { type: 'category', inverse: true, data: SHOWN_STATUSES.map((status) => t(`recipientStatus.${status}`)) },
      series: [
        {
          id: 'recipients',
          type: 'bar',
          data: SHOWN_STATUSES.map((status) => ({ value: counts[status], itemStyle: { color: COLOR[status] } })),
          label: { show: true, position: 'right', formatter: ({ value }) => formatNumber(Number(value), locale) },
        },
      ],
    }),
    [counts, t, locale],
  );
  const description = `${t('mailing.chart')}: ${SHOWN_STATUSES.map(
    (status) => `${t(`recipientStatus.${status}`)} ${formatNumber(counts[status], locale)}`,
  ).join(', ')}`;
  return (
    <Row gutter={[16, 16]}>
      {SHOWN_STATUSES.map((status) => (
        <Col key={status} xs={12} md={8} xl={4}>
          <Card size="small" hoverable={Boolean(onPick)} onClick={() => onPick?.(status)} data-testid={`count-${status}`}>
            <Statistic
              title={t(`recipientStatus.${status}`)}
              value={counts[status]}
              formatter={(value) => formatNumber(Number(value), locale)}
              valueStyle={{ color: COLOR[status] }}
            />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card size="small" title={t('mailing.chart')}>
          <div role="img" aria-label={description}>
            <Suspense fallback={<div style={{ height: 220 }} />}>
              <Chart option={option} height={220} />
            </Suspense>
          </div>
        </Card>
      </Col>
    </Row>
  );
}
