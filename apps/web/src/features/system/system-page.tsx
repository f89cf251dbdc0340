import type { TSystemStatus } from '@clientela/contract';
import { Card, Col, Descriptions, Row, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useSystemStatus } from './api.ts';
import { ReplicasTable } from './replicas-table.tsx';
import { formatBytes, formatDuration } from './system-format.ts';

/** A count that should be zero, shown in red (or orange) when it is not. */
function Count({ value, locale, alarm }: { value: number; locale: Parameters<typeof formatNumber>[1]; alarm?: 'danger' | 'warning' }) {
  return <Typography.Text type={alarm && value > 0 ? alarm : undefined}>{formatNumber(value, locale)}</Typography.Text>;
}

/** The three cards: the server process that answered, its database and the job queue. */
function StatusCards({ status }: { status: TSystemStatus }) {
  const { t } = useTranslation('system');
  const format = useFormatters();
  const { locale } = format;
  const card = (title: string, items: { key: string; label: string; children: ReactNode }[]) => (
    <Col xs={24} lg={8}>
      <Card title={title} style={{ height: '100%' }}>
        <Descriptions column={1} size="small" items={items} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {card(t('server.title'), [
        { key: 'version', label: t('server.version'), children: status.version },
        { key: 'processId', label: t('server.processId'), children: String(status.processId) },
        { key: 'startedAt', label: t('server.startedAt'), children: format.dateTime(status.startedAt) },
        { key: 'uptime', label: t('server.uptime'), children: formatDuration(status.uptimeSeconds, locale) },
      ])}
      {card(t('database.title'), [
        { key: 'serverVersion', label: t('database.serverVersion'), children: status.database.serverVersion },
        { key: 'size', label: t('database.size'), children: formatBytes(status.database.sizeBytes, locale) },
        { key: 'connections', label: t('database.connections'), children: formatNumber(status.database.connections, locale) },
        { key: 'migrations', label: t('database.migrations'), children: formatNumber(status.database.migrationsApplied, locale) },
        {
          key: 'pending',
          label: t('database.pending'),
          children: <Count value={status.database.migrationsPending} locale={locale} alarm="warning" />,
        },
      ])}
      {card(t('jobs.title'), [
        { key: 'queued', label: t('jobs.queued'), children: formatNumber(status.jobs.queued, locale) },
        { key: 'active', label: t('jobs.active'), children: formatNumber(status.jobs.active, locale) },
        {
          key: 'failed',
          label: t('jobs.failedLastDay'),
          children: <Count value={status.jobs.failedLastDay} locale={locale} alarm="danger" />,
        },
      ])}
    </Row>
  );
}

/** `/admin/system`: how the servers are doing — this process, the database, read replicas' lag and the jobs; asked again every 10 seconds. */
export function SystemStatusPage() {
  const { t } = useTranslation('system');
  const format = useFormatters();
  const status = useSystemStatus();
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          status.dataUpdatedAt > 0 && (
            <Typography.Text type="secondary">
              {t('updated', { time: format.dateTime(new Date(status.dataUpdatedAt).toISOString()) })}
            </Typography.Text>
          )
        }
      />
      <ErrorAlert error={status.error} />
      {status.data ? (
        <>
          <StatusCards status={status.data} />
          <Card title={t('replicas.title')}>
            <ReplicasTable replicas={status.data.replicas} />
          </Card>
        </>
      ) : (
        status.isPending && <Spin />
      )}
    </>
  );
}
