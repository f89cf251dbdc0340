import { DeleteOutlined, DownloadOutlined, PlayCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { TGroupedReportRow, TReportDefinition } from '@clientela/contract';
import { App, Button, Col, Divider, Flex, Popconfirm, Row, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import {
  useBuilderRun,
  useCreateSavedReport,
  useDeleteSavedReport,
  useDownloadXlsx,
  useSavedReport,
  useSavedReports,
  useUpdateSavedReport,
} from './api.ts';
import { BuilderChart } from './builder-chart.tsx';
import { drillUrl } from './builder-drill.ts';
import { BuilderForm, startingDefinition } from './builder-form.tsx';
import { BuilderTable } from './builder-table.tsx';
import { SaveReportModal } from './save-report-modal.tsx';
import { SavedReportsPanel } from './saved-reports-panel.tsx';

/** The report builder: pick an entity, groupings, a measure, filters and a chart; save and share. */
export function ReportBuilder() {
  const { t } = useTranslation('reportBuilder');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reportId = params.get('report') ?? undefined;
  const list = useSavedReports();
  const saved = useSavedReport(reportId);
  const current = reportId && saved.data?.id === reportId ? saved.data : undefined;
  const [draft, setDraft] = useState<TReportDefinition>(() => startingDefinition(params));
  const [ran, setRan] = useState<TReportDefinition | null>(null);
  const [saving, setSaving] = useState<'as' | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = useRef<string | undefined>(undefined);
  const run = useBuilderRun(ran);
  const create = useCreateSavedReport();
  const update = useUpdateSavedReport();
  const remove = useDeleteSavedReport();
  const downloadXlsx = useDownloadXlsx();

  // A saved report opened from the address (or the panel) fills the form and runs at once.
  useEffect(() => {
    if (current && opened.current !== current.id) {
      opened.current = current.id;
      setDraft(current.definition);
      setRan(current.definition);
    }
  }, [current]);

  const open = (id: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('report', id);
        else next.delete('report');
        return next;
      },
      { replace: false },
    );
  const failed = (error: unknown) => message.error(errorMessage(tc, error));

  const start = () => {
    if (ran && JSON.stringify(ran) === JSON.stringify(draft)) void run.refetch();
    else setRan(draft);
  };
  const save = () => {
    if (!current?.editable) return setSaving('as');
    update.mutate(
      { id: current.id, definition: draft },
      { onSuccess: (report) => message.success(t('save.saved', { name: report?.name ?? '' })), onError: failed },
    );
  };
  const saveAs = (values: { name: string; shared: boolean }) =>
    create.mutate(
      { ...values, definition: draft },
      {
        onSuccess: (report) => {
          setSaving(null);
          if (!report) return;
          opened.current = report.id;
          setRan(draft);
          open(report.id);
          message.success(t('save.saved', { name: report.name }));
        },
        onError: failed,
      },
    );

  // A cleared report shows nothing, not the previous figures kept while the next ones load.
  const report = ran ? run.data : undefined;
  const urlOf = (row: TGroupedReportRow, child?: TGroupedReportRow) => {
    // Figures of the previous run, shown while the next loads, open nothing: their filters are gone.
    if (!report || !ran || run.isPlaceholderData) return null;
    const groups = [
      { dimension: report.groupBy, key: row.key },
      ...(child && report.thenBy ? [{ dimension: report.thenBy, key: child.key }] : []),
    ];
    return drillUrl(ran, groups);
  };
  // The chart opens records when the list can show exactly those behind a figure.
  const chartDrills = report ? report.rows.some((row) => urlOf(row) !== null) : false;
  const pick = (row: TGroupedReportRow, child?: TGroupedReportRow) => {
    const url = urlOf(row, child);
    if (url) navigate(url);
  };

  return (
    <Row gutter={24}>
      <Col xs={24} lg={6}>
        <SavedReportsPanel reports={list.data} selectedId={reportId} onOpen={open} />
      </Col>
      <Col xs={24} lg={18}>
        {current && (
          <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="builder-report-name">
              {current.name}
            </Typography.Title>
            {current.owner && !current.editable && (
              <Typography.Text type="secondary">{t('saved.by', { name: current.owner.name })}</Typography.Text>
            )}
            {current.editable && (
              <Space>
                <Switch
                  aria-label={t('actions.share')}
                  checked={current.shared}
                  loading={update.isPending}
                  onChange={(shared) => update.mutate({ id: current.id, shared }, { onError: failed })}
                />
                <Typography.Text>{t('actions.share')}</Typography.Text>
              </Space>
            )}
          </Flex>
        )}
        <ErrorAlert error={saved.error} />
        <BuilderForm value={draft} onChange={setDraft} />
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={start} loading={run.isFetching}>
            {t('actions.run')}
          </Button>
          <Button icon={<SaveOutlined />} onClick={save} loading={update.isPending}>
            {t('actions.save')}
          </Button>
          <Button onClick={() => setSaving('as')}>{t('actions.saveAs')}</Button>
          {current && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                opened.current = undefined;
                setDraft(startingDefinition(new URLSearchParams()));
                setRan(null);
                open(undefined);
              }}
            >
              {t('actions.new')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!ran}
            loading={busy}
            onClick={async () => {
              if (!ran) return;
              setBusy(true);
              try {
                await downloadXlsx(ran);
              } catch (error) {
                failed(error);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('actions.export')}
          </Button>
          {current?.editable && (
            <Popconfirm
              title={t('actions.deleteConfirm', { name: current.name })}
              okText={t('actions.delete')}
              cancelText={t('save.cancel')}
              onConfirm={() =>
                remove.mutate(current.id, {
                  onSuccess: () => {
                    opened.current = undefined;
                    open(undefined);
                    message.success(t('actions.deleted'));
                  },
                  onError: failed,
                })
              }
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('actions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Divider />
        <ErrorAlert error={run.error} />
        {!report && !run.isFetching && <Typography.Paragraph type="secondary">{t('result.hint')}</Typography.Paragraph>}
        {report && (
          <>
            <Typography.Paragraph type="secondary" data-testid="builder-summary">
              {t(`result.records.${report.entity}`, { count: report.total.count, number: formatNumber(report.total.count, locale) })}
            </Typography.Paragraph>
            {draft.chart !== 'table' && report.rows.length > 0 && (
              <BuilderChart report={report} chart={draft.chart} onPick={chartDrills ? pick : undefined} />
            )}
            <BuilderTable report={report} loading={run.isFetching} drillable={(row, child) => urlOf(row, child) !== null} onPick={pick} />
          </>
        )}
        <SaveReportModal
          open={saving === 'as'}
          initial={{ name: current ? t('save.copyOf', { name: current.name }) : '', shared: false }}
          saving={create.isPending}
          onSave={saveAs}
          onCancel={() => setSaving(null)}
        />
      </Col>
    </Row>
  );
}
