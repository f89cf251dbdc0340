import { StopOutlined } from '@ant-design/icons';
import type { TImport } from '@clientela/contract';
import { Alert, App, Button, Card, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { isRunning, useCancelImport, useRefreshRecords, useRepeatImport } from './api.ts';
import { hasValuesStep } from './mapping.ts';
import { ProblemsTable } from './problems-table.tsx';
import { RECORDS_PATH } from './record-paths.ts';
import { ReportButton } from './report-button.tsx';
import { ResultCounts } from './result-counts.tsx';
import { RowsChart } from './rows-chart.tsx';

/** How far the run got, in whole percent; an empty file is done at once. */
export function percentDone(imp: Pick<TImport, 'processed' | 'rowCount' | 'status'>): number {
  if (imp.status === 'done') return 100;
  if (imp.rowCount === 0) return 0;
  return Math.min(100, Math.floor((imp.processed * 100) / imp.rowCount));
}

const ALERT: Record<'done' | 'failed' | 'cancelled', 'success' | 'error' | 'warning'> = {
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/** Step 4: the run's progress with live counts; at the end the summary, the report and every row with a problem. */
export function ProgressStep({ imp }: { imp: TImport }) {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const cancel = useCancelImport(imp.id);
  const refreshRecords = useRefreshRecords();
  const repeat = useRepeatImport(imp.id);
  const navigate = useNavigate();
  const running = isRunning(imp);
  const finished = imp.status === 'done' || imp.status === 'failed' || imp.status === 'cancelled';
  const percent = percentDone(imp);
  const numbers = {
    processed: formatNumber(imp.processed, locale),
    total: formatNumber(imp.rowCount, locale),
    file: imp.fileName,
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once finished, the lists of records hold the new rows.
  useEffect(() => {
    if (finished) void refreshRecords(imp.entity);
  }, [finished, imp.entity]);

  const confirmCancel = () =>
    modal.confirm({
      title: t('progress.cancelConfirm'),
      content: t('progress.cancelHint'),
      okText: t('progress.cancel'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await cancel.mutateAsync();
          message.success(t('progress.cancelled'));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Card title={finished ? t('result.title', { file: imp.fileName }) : t('progress.title', { file: imp.fileName })}>
        {finished && (
          <Alert
            type={ALERT[imp.status as keyof typeof ALERT]}
            showIcon
            title={t(`result.${imp.status as keyof typeof ALERT}`)}
            description={
              imp.status === 'failed' ? (
                <>
                  {t('result.failedText')}
                  {imp.error && (
                    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                      {imp.error}
                    </Typography.Paragraph>
                  )}
                </>
              ) : imp.status === 'cancelled' ? (
                t('result.cancelledText', numbers)
              ) : (
                t('result.doneText', numbers)
              )
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Progress
          percent={percent}
          status={imp.status === 'failed' ? 'exception' : imp.status === 'done' ? 'success' : running ? 'active' : 'normal'}
          format={(value) => formatPercent(value ?? 0, locale)}
          aria-label={t('progress.label')}
        />
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="progress-text">
            {imp.status === 'queued' ? t('progress.queued') : t('progress.running', numbers)}
          </Typography.Text>
          {running && (
            <Button danger icon={<StopOutlined />} onClick={confirmCancel} loading={cancel.isPending}>
              {t('progress.cancel')}
            </Button>
          )}
        </Flex>
      </Card>
      <ResultCounts counts={imp.counts} />
      <RowsChart counts={imp.counts} />
      {finished && (
        <Card
          title={t('result.problemsTitle')}
          extra={
            <Flex gap={16} wrap>
              <ReportButton importId={imp.id} />
              {hasValuesStep(imp.entity) && imp.counts.modified + imp.counts.rejected > 0 && (
                <Button
                  loading={repeat.isPending}
                  onClick={() =>
                    repeat.mutate(undefined, {
                      onSuccess: (created) => navigate(`/imports/${created.id}?step=values`),
                      onError: (error) => message.error(errorMessage(tc, error)),
                    })
                  }
                >
                  {t('result.repeat')}
                </Button>
              )}
              <Link to={RECORDS_PATH[imp.entity]} style={{ alignSelf: 'center' }}>
                {t(`result.open.${imp.entity}`)}
              </Link>
            </Flex>
          }
        >
          <ProblemsTable imp={imp} />
        </Card>
      )}
    </Flex>
  );
}
