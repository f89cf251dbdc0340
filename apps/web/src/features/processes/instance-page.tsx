import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  CLIENTELA_BPMN_URI,
  FORM_FIELD_TYPES,
  type TProcessFormField,
  type TProcessInstanceDetail,
  type TProcessStep,
} from '@clientela/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { formatDuration, useCancelInstance, useProcessInstance, useRetryInstance } from './instances-api.ts';
import { ProcessDiagram } from './process-diagram.tsx';
import { ProcessValues } from './process-form.tsx';
import { InstanceStatusTag, RecordLink } from './process-step-panel.tsx';

const STEP_COLOR: Record<TProcessStep['status'], string> = {
  active: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/**
 * The form fields the model defines (`clientela:formField`), so that filled values show under
 * their labels and types; the first definition of a key wins.
 */
export function formFieldsOf(xml: string): TProcessFormField[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const fields = new Map<string, TProcessFormField>();
  for (const element of Array.from(doc.getElementsByTagNameNS(CLIENTELA_BPMN_URI, 'formField'))) {
    const key = element.getAttribute('key');
    const type = element.getAttribute('type') ?? 'text';
    if (!key || fields.has(key)) continue;
    fields.set(key, {
      key,
      label: element.getAttribute('label') || key,
      type: (FORM_FIELD_TYPES as readonly string[]).includes(type) ? (type as TProcessFormField['type']) : 'text',
      required: element.getAttribute('required') === 'true',
      options: (element.getAttribute('options') ?? '').split('|').filter(Boolean),
    });
  }
  return [...fields.values()];
}

/** The share of an instance's steps that are behind it: all of them once it ended. */
export function progressOf(instance: Pick<TProcessInstanceDetail, 'status' | 'steps'>): number {
  if (instance.status === 'completed') return 100;
  if (instance.steps.length === 0) return 0;
  const done = instance.steps.filter((step) => step.status === 'completed').length;
  return Math.round((done / instance.steps.length) * 100);
}

function CancelButton({ id }: { id: string }) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelInstance(id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await cancel.mutateAsync({ reason: reason.trim() });
      message.success(t('instance.cancelled'));
      setOpen(false);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('instance.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('instance.cancelTitle')}
        okText={t('instance.cancelConfirm')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: cancel.isPending }}
        cancelText={t('instance.keep')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t('instance.cancelHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('instance.reason')}
          placeholder={t('instance.reason')}
          value={reason}
          maxLength={1000}
          autoSize={{ minRows: 3 }}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </>
  );
}

function RetryButton({ id }: { id: string }) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const retry = useRetryInstance(id);
  return (
    <Popconfirm
      title={t('instance.retryConfirm')}
      okText={t('instance.retry')}
      cancelText={t('instance.keep')}
      onConfirm={async () => {
        try {
          await retry.mutateAsync({});
          message.success(t('instance.retried'));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      }}
    >
      <Button type="primary" loading={retry.isPending}>
        {t('instance.retry')}
      </Button>
    </Popconfirm>
  );
}

function History({ instance }: { instance: TProcessInstanceDetail }) {
  const { t } = useTranslation('processes');
  const { dateTime, locale } = useFormatters();
  const columns: TableColumnsType<TProcessStep> = [
    {
      key: 'name',
      title: t('instance.step'),
      render: (_, step) =>
        step.taskId ? <Link to={`/tasks/${step.taskId}`}>{step.name ?? step.elementId}</Link> : (step.name ?? step.elementId),
    },
    {
      key: 'status',
      title: t('instances.status'),
      render: (_, step) => <Tag color={STEP_COLOR[step.status]}>{t(`stepStatus.${step.status}`)}</Tag>,
    },
    { key: 'actor', title: t('instance.who'), render: (_, step) => step.actor?.name ?? '—' },
    { key: 'startedAt', title: t('instance.started'), render: (_, step) => dateTime(step.startedAt) },
    { key: 'endedAt', title: t('instance.ended'), render: (_, step) => (step.endedAt ? dateTime(step.endedAt) : '—') },
    {
      key: 'duration',
      title: t('instance.duration'),
      align: 'right',
      render: (_, step) => {
        const end = step.endedAt ? Date.parse(step.endedAt) : Date.now();
        const text = formatDuration(end - Date.parse(step.startedAt), locale);
        return step.endedAt ? text : t('instance.sinceFor', { duration: text });
      },
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={instance.steps}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('instance.noSteps')} /> }}
    />
  );
}

/** One run of a process: its diagram with the steps marked, history, timers, form, and cancel or retry. */
export function ProcessInstancePage() {
  const { t } = useTranslation('processes');
  const { id = '' } = useParams();
  const { dateTime } = useFormatters();
  const query = useProcessInstance(id);
  const xml = query.data?.xml;
  const fields = useMemo(() => (xml ? formFieldsOf(xml) : []), [xml]);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found')) return <Result status="404" title={t('instance.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  const instance = query.data;
  const nameOf = (elementId: string) => instance.steps.find((step) => step.elementId === elementId)?.name ?? elementId;

  return (
    <>
      <Link to={`/processes/${instance.definitionId}`}>
        <ArrowLeftOutlined /> {instance.processName}
      </Link>
      <PageHeader
        title={t('instance.title', { name: instance.processName })}
        subtitle={t('monitor.version', { version: instance.version })}
        extra={
          <Flex gap={8}>
            {instance.canRetry && <RetryButton id={instance.id} />}
            {instance.canCancel && <CancelButton id={instance.id} />}
          </Flex>
        }
      />
      {instance.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('instance.failedTitle')}
          description={instance.error ?? undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Card title={t('instance.diagram')}>
            <ProcessDiagram xml={instance.xml} steps={instance.steps} current={instance.current} status={instance.status} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('instance.summary')}>
            <Progress
              percent={progressOf(instance)}
              status={instance.status === 'failed' ? 'exception' : instance.status === 'running' ? 'active' : 'normal'}
              aria-label={t('instance.progress')}
            />
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 16 }}
              items={[
                {
                  key: 'status',
                  label: t('instances.status'),
                  children: (
                    <Flex gap={4} wrap>
                      <InstanceStatusTag status={instance.status} />
                      {instance.overdue && <Tag color="warning">{t('instances.overdue')}</Tag>}
                    </Flex>
                  ),
                },
                { key: 'record', label: t('instances.record'), children: <RecordLink record={instance.record} /> },
                { key: 'startedBy', label: t('instances.startedBy'), children: instance.startedBy?.name ?? t('instances.automatic') },
                { key: 'startedAt', label: t('instances.startedAt'), children: dateTime(instance.startedAt) },
                ...(instance.endedAt ? [{ key: 'endedAt', label: t('instance.ended'), children: dateTime(instance.endedAt) }] : []),
                ...(instance.status === 'running'
                  ? [
                      {
                        key: 'current',
                        label: t('instances.current'),
                        children:
                          instance.current.length === 0
                            ? '—'
                            : instance.current.map((wait) => (
                                <div key={wait.elementId}>
                                  {t('instance.waitingSince', { step: wait.name ?? wait.elementId, since: dateTime(wait.since) })}
                                </div>
                              )),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={t('instance.timers')} style={{ marginTop: 24 }}>
            {instance.timers.length === 0 ? (
              <Typography.Text type="secondary">{t('instance.noTimers')}</Typography.Text>
            ) : (
              instance.timers.map((timer) => (
                <div key={`${timer.elementId}-${timer.dueAt}`}>
                  {t('instance.timerDue', { step: nameOf(timer.elementId), due: dateTime(timer.dueAt) })}
                </div>
              ))
            )}
          </Card>
          <Card title={t('instance.form')} style={{ marginTop: 24 }}>
            <ProcessValues fields={fields.filter((field) => field.key in instance.form)} values={instance.form} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('instance.history')}>
            <History instance={instance} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
