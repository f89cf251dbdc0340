import type { TProcessInstance, TProcessInstanceStatus, TProcessStatistics } from '@clientela/contract';
import { INSTANCE_STATUSES } from '@clientela/contract';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useProcessDefinition } from './definitions-api.ts';
import { formatDuration, type InstanceQuery, useProcessInstances, useProcessStatistics } from './instances-api.ts';
import { InstanceStatusTag, RecordLink } from './process-step-panel.tsx';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Steps that take time: tasks, timers and the like (not gateways, start and end events). */
const TIMED = (elementType: string) => !/gateway|startevent|endevent|sequenceflow/i.test(elementType);

function StatisticsCard({ definitionId }: { definitionId: string }) {
  const { t } = useTranslation('processes');
  const { locale } = useFormatters();
  const statistics = useProcessStatistics(definitionId, true);
  const steps = useMemo(() => (statistics.data?.steps ?? []).filter((step) => TIMED(step.elementType)), [statistics.data]);
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));

  if (statistics.isPending) return <Skeleton active />;
  if (statistics.isError) return <ErrorAlert error={statistics.error} />;
  const { instances } = statistics.data;
  // The axis counts in the unit the slowest step is measured in: minutes, hours or days.
  const slowest = Math.max(0, ...steps.map((step) => step.p90Ms ?? step.avgMs ?? 0));
  const unit =
    slowest >= 2 * DAY_MS
      ? { ms: DAY_MS, name: 'days' }
      : slowest >= 2 * HOUR_MS
        ? { ms: HOUR_MS, name: 'hours' }
        : { ms: MINUTE_MS, name: 'minutes' };
  const inUnit = (ms: number | null) => (ms === null ? null : Math.round((ms / unit.ms) * 10) / 10);
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? formatDuration(value * unit.ms, locale) : ''),
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: steps.map((step) => step.name ?? step.elementId),
      axisLabel: { interval: 0, overflow: 'truncate', width: 100 },
    },
    yAxis: { type: 'value', name: t(`monitor.${unit.name as 'days' | 'hours' | 'minutes'}`) },
    series: [
      { type: 'bar', name: t('monitor.average'), data: steps.map((step) => inUnit(step.avgMs)) },
      { type: 'bar', name: t('monitor.p90'), data: steps.map((step) => inUnit(step.p90Ms)) },
    ],
  };
  const columns: TableColumnsType<TProcessStatistics['steps'][number]> = [
    { key: 'name', title: t('monitor.step'), render: (_, step) => step.name ?? step.elementId },
    { key: 'count', title: t('monitor.passed'), dataIndex: 'count', align: 'right' },
    { key: 'active', title: t('monitor.waitingNow'), dataIndex: 'active', align: 'right' },
    { key: 'avg', title: t('monitor.average'), align: 'right', render: (_, step) => duration(step.avgMs) },
    { key: 'p90', title: t('monitor.p90'), align: 'right', render: (_, step) => duration(step.p90Ms) },
  ];
  return (
    <Card title={t('monitor.statistics')} style={{ marginBottom: 24 }}>
      <Flex wrap gap={32} style={{ marginBottom: 16 }}>
        {INSTANCE_STATUSES.map((status) => (
          <Statistic key={status} title={t(`status.${status}`)} value={instances[status]} />
        ))}
        <Statistic title={t('monitor.runAverage')} value={duration(instances.avgMs)} />
        <Statistic title={t('monitor.runP90')} value={duration(instances.p90Ms)} />
      </Flex>
      {steps.length === 0 ? (
        <Empty description={t('monitor.noSteps')} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <div role="img" aria-label={t('monitor.chartLabel')}>
              <Chart option={option} height={320} />
            </div>
          </Col>
          <Col xs={24} lg={12}>
            <Table rowKey="elementId" size="small" pagination={false} columns={columns} dataSource={steps} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function InstancesCard({ definitionId }: { definitionId: string }) {
  const { t } = useTranslation('processes');
  const { dateTime } = useFormatters();
  const navigate = useNavigate();
  const [status, setStatus] = useState<TProcessInstanceStatus | undefined>();
  const [stuck, setStuck] = useState(false);
  const query: InstanceQuery = { definitionId, status, stuck: stuck ? 'true' : undefined };
  const pages = useProcessInstances(query);
  const rows = pages.data?.pages.flatMap((page) => page.data) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<TProcessInstance> = [
    {
      key: 'status',
      title: t('instances.status'),
      render: (_, instance) => (
        <Flex gap={4} wrap>
          <InstanceStatusTag status={instance.status} />
          {instance.overdue && <Tag color="warning">{t('instances.overdue')}</Tag>}
        </Flex>
      ),
    },
    { key: 'record', title: t('instances.record'), render: (_, instance) => <RecordLink record={instance.record} /> },
    { key: 'startedBy', title: t('instances.startedBy'), render: (_, instance) => instance.startedBy?.name ?? t('instances.automatic') },
    { key: 'startedAt', title: t('instances.startedAt'), render: (_, instance) => dateTime(instance.startedAt) },
    {
      key: 'current',
      title: t('instances.current'),
      render: (_, instance) =>
        instance.status === 'failed' ? (
          <Typography.Text type="danger">{instance.error ?? t('status.failed')}</Typography.Text>
        ) : (
          instance.current.map((wait) => wait.name ?? wait.elementId).join(', ') || '—'
        ),
    },
  ];

  return (
    <Card
      title={t('instances.title', { count: total })}
      extra={
        <Flex gap={12} align="center" wrap>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('instances.anyStatus')}
            aria-label={t('instances.status')}
            value={status}
            onChange={(value: TProcessInstanceStatus | undefined) => setStatus(value)}
            options={INSTANCE_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          />
          <Checkbox checked={stuck} onChange={(event) => setStuck(event.target.checked)}>
            {t('instances.stuckOnly')}
          </Checkbox>
        </Flex>
      }
    >
      {pages.isError && <ErrorAlert error={pages.error} />}
      <Table
        rowKey="id"
        size="middle"
        loading={pages.isPending || (pages.isFetching && !pages.isFetchingNextPage)}
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('instances.none')} /> }}
        onRow={(instance) => ({ onClick: () => navigate(`/processes/instances/${instance.id}`), style: { cursor: 'pointer' } })}
      />
      {pages.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('instances.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** One process watched: its statistics (admins and managers) and its instances with filters. */
export function ProcessMonitorPage() {
  const { t } = useTranslation('processes');
  const { id = '' } = useParams();
  const me = useMe();
  const definition = useProcessDefinition(id);
  const manages = me.role === 'admin' || me.role === 'manager';

  if (definition.isPending) return <Skeleton active />;
  if (definition.isError) {
    if (isApiError(definition.error, 'not_found')) return <Result status="404" title={t('monitor.notFound')} />;
    return <ErrorAlert error={definition.error} />;
  }
  const { name, publishedVersion } = definition.data;
  return (
    <>
      <PageHeader
        title={name}
        subtitle={publishedVersion === null ? t('monitor.unpublished') : t('monitor.version', { version: publishedVersion })}
        extra={
          me.role === 'admin' && (
            <Link to={`/processes/${id}/design`}>
              <Button>{t('monitor.openDesigner')}</Button>
            </Link>
          )
        }
      />
      {manages && <StatisticsCard definitionId={id} />}
      <InstancesCard definitionId={id} />
    </>
  );
}
