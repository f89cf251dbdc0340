import type { TProcessInstance, TProcessInstanceStatus, TProcessTask } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { loadProcessMessages } from '../../lib/process-messages.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useCompleteProcessTask, useProcessTasksOfTask } from './instances-api.ts';
import { ProcessForm, readProcessForm, showProcessFormErrors } from './process-form.tsx';

const STATUS_COLOR: Record<TProcessInstanceStatus, string> = {
  running: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** An instance's status as a coloured tag. */
export function InstanceStatusTag({ status }: { status: TProcessInstanceStatus }) {
  const { t } = useTranslation('processes');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

const RECORD_PATH = { company: '/companies/', contact: '/contacts/', contract: '/contracts/', deal: '/deals/', case: '/cases/' } as const;

/** Where a record an instance is about opens (agreements have a list, not a page). */
export function recordPath(record: NonNullable<TProcessInstance['record']>): string {
  return record.type === 'agreement' ? '/agreements' : `${RECORD_PATH[record.type]}${record.id}`;
}

/** The record an instance is about: its name and link when the reader may read it. */
export function RecordLink({ record }: { record: TProcessInstance['record'] }) {
  const { t } = useTranslation('processes');
  if (!record) return <span>—</span>;
  const kind = t(`record.${record.type}`);
  if (record.name === null) return <span>{t('record.hidden', { kind })}</span>;
  return (
    <Link to={recordPath(record)} onClick={(event) => event.stopPropagation()}>
      {`${kind}: ${record.name}`}
    </Link>
  );
}

/** Why completing failed, in words the performer can act on. */
function completeProblem(t: TFunction<'processes'>, tc: TFunction, error: unknown) {
  if (isApiError(error) && error.status === 403) return t('step.forbidden');
  if (isApiError(error) && error.status === 409) return t('step.conflict');
  if (isApiError(error) && error.status === 400) return t('step.invalid');
  return errorMessage(tc, error);
}

function StepCard({ step }: { step: TProcessTask }) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useFormatters();
  const [form] = Form.useForm();
  const complete = useCompleteProcessTask(step.id);
  const [problem, setProblem] = useState<string | null>(null);
  const open = step.status === 'open';

  const submit = async () => {
    setProblem(null);
    let values: Awaited<ReturnType<typeof readProcessForm>>;
    try {
      values = await readProcessForm(form, step.form);
    } catch {
      return; // The fields say what is missing.
    }
    try {
      await complete.mutateAsync({ values });
      message.success(t('step.completed'));
    } catch (error) {
      showProcessFormErrors(form, step.form, error);
      setProblem(completeProblem(t, tc, error));
    }
  };

  return (
    <Card
      title={t('step.title')}
      extra={<Tag color={open ? 'processing' : step.status === 'completed' ? 'success' : 'default'}>{t(`step.status.${step.status}`)}</Tag>}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'process',
            label: t('step.process'),
            children: <Link to={`/processes/instances/${step.instanceId}`}>{step.processName}</Link>,
          },
          { key: 'step', label: t('step.step'), children: step.name ?? step.elementId },
          ...(step.record ? [{ key: 'record', label: t('instances.record'), children: <RecordLink record={step.record} /> }] : []),
          ...(step.completedAt
            ? [
                {
                  key: 'completed',
                  label: t('step.completedBy'),
                  children: t('step.completedAt', { name: step.completedBy?.name ?? '—', at: dateTime(step.completedAt) }),
                },
              ]
            : []),
        ]}
      />
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      {open && step.canComplete ? (
        <>
          <ProcessForm fields={step.form} form={form} value={step.values} disabled={complete.isPending} />
          <Button type="primary" loading={complete.isPending} onClick={() => void submit()}>
            {t('step.complete')}
          </Button>
        </>
      ) : (
        <>
          {open && <Typography.Paragraph type="secondary">{t('step.notYours')}</Typography.Paragraph>}
          {step.form.length > 0 && <ProcessForm fields={step.form} value={step.values ?? {}} readOnly />}
        </>
      )}
    </Card>
  );
}

/**
 * The process step an assignment is, on the task page: the process, the step, its form and
 * "Complete step"; nothing for an ordinary task.
 */
export function ProcessStepPanel({ taskId }: { taskId: string }) {
  // The task page does not load the processes' messages; the panel does, before it draws.
  const messages = useQuery({
    queryKey: ['messages', 'processes'],
    queryFn: async () => {
      await loadProcessMessages();
      return true;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const steps = useProcessTasksOfTask(taskId);
  if (!messages.data || !steps.data) return null;
  if (steps.data.data.length === 0) return null;
  return (
    <Flex vertical gap={24}>
      {steps.data.data.map((step) => (
        <StepCard key={step.id} step={step} />
      ))}
    </Flex>
  );
}
