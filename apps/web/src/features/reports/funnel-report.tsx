import { ClockCircleOutlined } from '@ant-design/icons';
import type { TFunnelStage, TLocale } from '@clientela/contract';
import { Button, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartOption } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { dealReportFileUrl, useDealReport } from './deal-reports-api.ts';
import { funnelDealsUrl } from './drill-down.ts';
import { ReportChart } from './report-chart.tsx';
import { ControlsRow, ExportReportButton, PeriodPicker, PipelineSelect, RefreshedAt, UnitFilter } from './report-controls.tsx';
import { compactNumber, money, percent } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

const INTL = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;

/** A number of days the way the language writes it: "3.5 days", "3,5 дн.", "3,5 gg". */
export function days(value: string | null, locale: TLocale): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(INTL[locale], { style: 'unit', unit: 'day', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    Number(value),
  );
}

const KIND_COLOR = { open: '#0f766e', won: '#52c41a', lost: '#ff7875' } as const;

/**
 * The funnel of a pipeline's deals created in the period: how many reached each stage, the
 * conversions, how many are there now and how long deals stay; a stage opens the deals that reached it.
 */
export function FunnelReport() {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { get } = useReportParams();
  const params = { pipelineId: get('pipelineId'), from: get('from'), to: get('to'), unitId: get('unitId') };
  const report = useDealReport('funnel', params);
  const data = report.data;
  const currency = data?.baseCurrency ?? 'EUR';
  const drill = (row: TFunnelStage, which: 'reached' | 'now') =>
    data && navigate(funnelDealsUrl({ pipelineId: data.pipeline.id, stageId: row.stage.id, which }, params));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the option follows the data and the language.
  const option = useMemo((): ChartOption => {
    const stages = data?.stages ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatNumber(Number(value), locale) },
      grid: { left: 8, right: 48, top: 8, bottom: 8 },
      // Lying bars, the first stage on top: a funnel whose stage names read whole on the left.
      yAxis: { type: 'category', inverse: true, data: stages.map((s) => s.stage.name) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => compactNumber(value, locale) } },
      series: [
        {
          id: 'reached',
          name: t('funnel.reachedLegend'),
          type: 'bar',
          label: { show: true, position: 'right', formatter: ({ value }) => formatNumber(Number(value), locale) },
          data: stages.map((s) => ({ value: s.reached, itemStyle: { color: KIND_COLOR[s.stage.kind] } })),
        },
      ],
    };
  }, [data, locale]);

  const columns: TableColumnsType<TFunnelStage> = [
    { key: 'stage', title: t('funnel.stage'), render: (_, row) => row.stage.name },
    { key: 'reached', title: t('funnel.reached'), align: 'right', render: (_, row) => formatNumber(row.reached, locale) },
    {
      key: 'reachedAmount',
      title: t('funnel.reachedAmount'),
      align: 'right',
      render: (_, row) => money(row.reachedAmount, currency, locale),
    },
    { key: 'fromPrevious', title: t('funnel.fromPrevious'), align: 'right', render: (_, row) => percent(row.fromPrevious, locale) },
    { key: 'fromFirst', title: t('funnel.fromFirst'), align: 'right', render: (_, row) => percent(row.fromFirst, locale) },
    {
      key: 'current',
      title: t('funnel.current'),
      align: 'right',
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          aria-label={t('funnel.openNow', { stage: row.stage.name })}
          onClick={(event) => {
            event.stopPropagation();
            drill(row, 'now');
          }}
        >
          {formatNumber(row.current, locale)}
        </Button>
      ),
    },
    {
      key: 'currentAmount',
      title: t('funnel.currentAmount'),
      align: 'right',
      render: (_, row) => money(row.currentAmount, currency, locale),
    },
    {
      key: 'average',
      title: t('funnel.averageDays'),
      align: 'right',
      render: (_, row) => (
        <>
          {days(row.averageDays, locale)}
          {row.stillIn > 0 && (
            // Short in the cell, whole in the tooltip and for screen readers: the table keeps to the page's width.
            <Tooltip title={t('funnel.stillIn', { count: row.stillIn })}>
              <Typography.Text
                type="secondary"
                style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}
                aria-label={t('funnel.stillIn', { count: row.stillIn })}
              >
                <ClockCircleOutlined /> {formatNumber(row.stillIn, locale)}
              </Typography.Text>
            </Tooltip>
          )}
        </>
      ),
    },
    { key: 'median', title: t('funnel.medianDays'), align: 'right', render: (_, row) => days(row.medianDays, locale) },
  ];
  return (
    <>
      <ControlsRow>
        <PipelineSelect current={data?.pipeline.id} />
        <PeriodPicker />
        <UnitFilter />
        <ExportReportButton report="funnel" url={dealReportFileUrl('funnel', params)} />
        <RefreshedAt query={report} />
      </ControlsRow>
      <ErrorAlert error={report.error} />
      {data && (
        <Typography.Paragraph data-testid="funnel-summary">
          {t('funnel.summary', { count: data.deals, pipeline: data.pipeline.name })}
        </Typography.Paragraph>
      )}
      <ReportChart
        option={option}
        label={t('chart.funnel')}
        height={Math.max(240, (data?.stages.length ?? 6) * 44)}
        onItemClick={(index) => {
          const row = data?.stages[index];
          if (row) drill(row, 'reached');
        }}
      />
      <Table<TFunnelStage>
        rowKey={(row) => row.stage.id}
        size="middle"
        columns={columns}
        dataSource={data?.stages ?? []}
        loading={report.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('table.empty') }}
        onRow={(row) => ({ onClick: () => drill(row, 'reached'), style: { cursor: 'pointer' } })}
      />
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="funnel-durations">
          {t('funnel.durations', { time: formatInstant(data.asOf, locale, data.timeZone) })}
        </Typography.Paragraph>
      )}
    </>
  );
}
