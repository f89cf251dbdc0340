import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TCustomerGrouping, TSalesGrouping } from '@clientela/contract';
import { App, Button, DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../components/export-button.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { usePipelines } from '../deals/api.ts';
import { orderedPipelines } from '../deals/pipeline-order.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { type ReportName, type ReportParams, reportFileUrl } from './api.ts';
import { useReportParams } from './use-report-params.ts';

type GroupingKey = TSalesGrouping | TCustomerGrouping;
type GroupingProps = { options: readonly GroupingKey[]; param: 'groupBy' | 'thenBy'; fallback?: string; label: string };

/** Chooses a grouping level; the second level may be cleared. */
export function GroupingSelect({ options, param, fallback, label }: GroupingProps) {
  const { t } = useTranslation('reports');
  const { get, change } = useReportParams();
  const first = get('groupBy') ?? fallback;
  const value = get(param) ?? (param === 'groupBy' ? fallback : undefined);
  return (
    <Select
      aria-label={label}
      allowClear={param === 'thenBy'}
      placeholder={t('controls.noSecondLevel')}
      value={value}
      onChange={(next?: string) => change({ [param]: next })}
      options={options
        .filter((option) => param === 'groupBy' || option !== first)
        .map((option) => ({ value: option, label: t(`grouping.${option}`) }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 170 }}
    />
  );
}

/** The period (both days included), from the address. */
export function PeriodPicker() {
  const { t } = useTranslation('reports');
  const { get, change } = useReportParams();
  const { locale } = useLocale();
  const from = get('from');
  const to = get('to');
  return (
    <DatePicker.RangePicker
      aria-label={t('controls.period')}
      format={DATE_INPUT_FORMAT[locale]}
      allowEmpty={[true, true]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) =>
        change({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
      }
    />
  );
}

/** Won deals or orders. */
export function BasisSelect() {
  const { t } = useTranslation('reports');
  const { get, change } = useReportParams();
  return (
    <Select
      aria-label={t('controls.basis')}
      value={get('basis') ?? 'won_deals'}
      onChange={(basis) => change({ basis: basis === 'won_deals' ? undefined : basis })}
      options={(['won_deals', 'orders'] as const).map((value) => ({ value, label: t(`basis.${value}`) }))}
      style={{ minWidth: 150 }}
    />
  );
}

/** One branch (unit), or all the reader may see. */
export function UnitFilter() {
  const { t } = useTranslation('reports');
  const { get, change } = useReportParams();
  return (
    <div style={{ minWidth: 200 }}>
      <UnitSelect
        value={get('unitId') ?? null}
        onChange={(unitId) => change({ unitId: unitId ?? undefined })}
        placeholder={t('controls.anyUnit')}
        aria-label={t('controls.unit')}
      />
    </div>
  );
}

type ExportProps = { report: ReportName; params: ReportParams } | { report: string; url: string };

/** A pipeline, the default one until another is chosen (`current`: the one the report shows). */
export function PipelineSelect({ current }: { current: string | undefined }) {
  const { t } = useTranslation('reports');
  const { get, change } = useReportParams();
  const pipelines = usePipelines();
  return (
    <Select
      aria-label={t('controls.pipeline')}
      value={pipelines.data ? (get('pipelineId') ?? current) : undefined}
      loading={pipelines.isPending}
      onChange={(pipelineId: string) => change({ pipelineId })}
      options={orderedPipelines(pipelines.data ?? []).map((one) => ({ value: one.id, label: one.name }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 180 }}
    />
  );
}

/** Downloads the report as shown as an Excel workbook (from the reports' own address, or the one given). */
export function ExportReportButton(props: ExportProps) {
  const { report } = props;
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download('url' in props ? props.url : reportFileUrl(props.report, props.params), `${report}.xlsx`);
        } catch (error) {
          message.error(errorMessage(tc, error));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('controls.export')}
    </Button>
  );
}

/**
 * When the figures on screen were read from the server, and a button to read them again: the
 * reports are live, but a page left open shows what it read then.
 */
export function RefreshedAt({ query }: { query: { dataUpdatedAt: number; isFetching: boolean; refetch: () => unknown } }) {
  const { t } = useTranslation('reports');
  const format = useFormatters();
  if (!query.dataUpdatedAt) return null;
  return (
    <Space size={4}>
      <Typography.Text type="secondary" data-testid="report-refreshed">
        {t('controls.asOf', { time: format.dateTime(new Date(query.dataUpdatedAt).toISOString()) })}
      </Typography.Text>
      <Button type="link" size="small" icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => query.refetch()}>
        {t('controls.refresh')}
      </Button>
    </Space>
  );
}

/** The controls in a row that wraps on narrow screens. */
export const ControlsRow = ({ children }: { children: React.ReactNode }) => (
  <Space wrap size={12} style={{ marginBottom: 16 }}>
    {children}
  </Space>
);
