import type { TRoiRow } from '@clientela/contract';
import { Card, DatePicker, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useRoi } from './campaigns-api.ts';
import { amountOf, useMarketingFormat } from './marketing-format.ts';
import { RoiCutCard } from './roi-cut-card.tsx';
import { type PeriodPreset, usePeriod } from './use-period.ts';

const BarsChart = lazy(async () => ({ default: (await import('./bars-chart.tsx')).BarsChart }));

type By = 'campaign' | 'source';
type Attribution = 'converted' | 'first';

/** `/marketing/roi`: ROI per campaign and per source over a period, with a chart and the budget-cut view. */
export function RoiPage() {
  const { t } = useTranslation('marketing');
  const { locale } = useLocale();
  const period = usePeriod('quarter');
  const [by, setBy] = useState<By>('campaign');
  const [attribution, setAttribution] = useState<Attribution>('converted');
  const roi = useRoi({ ...period.period, by, attribution });
  const format = useMarketingFormat(roi.data?.baseCurrency);
  const rows = roi.data?.rows ?? [];
  const label = (row: TRoiRow) => row.item?.name ?? (by === 'campaign' ? t('roi.noCampaign') : t('roi.noSource'));

  return (
    <>
      <PageHeader title={t('roi.title')} subtitle={t('roi.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Segmented<PeriodPreset>
            value={period.preset}
            onChange={period.choose}
            aria-label={t('period.label')}
            options={(['month', 'quarter', 'year', 'custom'] as const).map((value) => ({ value, label: t(`period.${value}`) }))}
          />
          {period.preset === 'custom' && (
            <DatePicker.RangePicker
              allowClear={false}
              format={DATE_INPUT_FORMAT[locale]}
              value={[dayjs(period.period.from), dayjs(period.period.to)]}
              onChange={(range) => {
                if (range?.[0] && range[1]) period.setCustom({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
              }}
              aria-label={t('period.custom')}
            />
          )}
          <Segmented<By>
            value={by}
            onChange={setBy}
            aria-label={t('roi.groupBy')}
            options={[
              { value: 'campaign', label: t('roi.byCampaign') },
              { value: 'source', label: t('roi.bySource') },
            ]}
          />
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('roi.attribution')}</Typography.Text>
            <Segmented<Attribution>
              value={attribution}
              onChange={setAttribution}
              aria-label={t('roi.attribution')}
              options={[
                { value: 'converted', label: t('roi.lastTouch') },
                { value: 'first', label: t('roi.firstTouch') },
              ]}
            />
          </Flex>
        </Flex>
      </Card>
      <ErrorAlert error={roi.error} />
      <Card style={{ marginBottom: 16 }}>
        <Table<TRoiRow>
          rowKey={(row) => row.item?.id ?? 'none'}
          dataSource={rows}
          pagination={false}
          size="small"
          loading={roi.isPending || roi.isFetching}
          locale={{ emptyText: roi.isPending ? ' ' : t('roi.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'item',
              title: by === 'campaign' ? t('fields.campaign') : t('fields.source'),
              render: (_, row) =>
                by === 'campaign' && row.item ? <Link to={`/campaigns/${row.item.id}`}>{row.item.name}</Link> : label(row),
            },
            ...(by === 'campaign'
              ? [{ key: 'source', title: t('fields.source'), render: (_: unknown, row: TRoiRow) => row.source?.name ?? '—' }]
              : []),
            { key: 'cost', title: t('roi.cost'), align: 'right', render: (_, row) => format.money(row.cost) },
            { key: 'leads', title: t('fields.leads'), align: 'right', render: (_, row) => format.number(row.leads) },
            { key: 'deals', title: t('fields.deals'), align: 'right', render: (_, row) => format.number(row.deals) },
            { key: 'won', title: t('fields.wonDeals'), align: 'right', render: (_, row) => format.number(row.wonDeals) },
            { key: 'revenue', title: t('fields.revenue'), align: 'right', render: (_, row) => format.money(row.revenue) },
            { key: 'cpl', title: t('fields.costPerLead'), align: 'right', render: (_, row) => format.money(row.costPerLead) },
            { key: 'cpw', title: t('fields.costPerWon'), align: 'right', render: (_, row) => format.money(row.costPerWonDeal) },
            { key: 'roi', title: t('fields.roi'), align: 'right', render: (_, row) => format.ratio(row.roi) },
          ]}
          summary={() =>
            roi.data &&
            rows.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={by === 'campaign' ? 2 : 1}>
                  <strong>{t('roi.total')}</strong>
                </Table.Summary.Cell>
                {[
                  format.money(roi.data.totals.cost),
                  format.number(roi.data.totals.leads),
                  format.number(roi.data.totals.deals),
                  format.number(roi.data.totals.wonDeals),
                  format.money(roi.data.totals.revenue),
                  format.money(roi.data.totals.costPerLead),
                  format.money(roi.data.totals.costPerWonDeal),
                  format.ratio(roi.data.totals.roi),
                ].map((value, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the totals' cells are fixed columns
                  <Table.Summary.Cell key={index} index={index + 2} align="right">
                    <strong>{value}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      {rows.length > 0 && (
        <Card title={t('roi.chart')} style={{ marginBottom: 16 }}>
          <Suspense fallback={<Skeleton active />}>
            <BarsChart
              categories={rows.map(label)}
              formatValue={(value) => format.money(value)}
              series={[
                { id: 'cost', name: t('roi.cost'), data: rows.map((row) => amountOf(row.cost) ?? 0) },
                { id: 'revenue', name: t('fields.revenue'), data: rows.map((row) => amountOf(row.revenue) ?? 0) },
              ]}
            />
          </Suspense>
        </Card>
      )}
      <RoiCutCard period={period.period} />
    </>
  );
}
