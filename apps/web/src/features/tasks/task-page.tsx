import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TTask } from '@clientela/contract';
import {
  App,
  Card,
  Checkbox,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Row,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useProcessTasksOfTask } from '../processes/instances-api.ts';
import { ProcessStepPanel } from '../processes/process-step-panel.tsx';
import { useTask, useUpdateTask } from './api.ts';
import { TaskActionBar } from './task-action-bar.tsx';
import { TaskDue, TaskPriorityTag, TaskStatusTag } from './task-tags.tsx';

const RECORD_PATH = { company: '/companies/', contact: '/contacts/', contract: '/contracts/', deal: '/deals/', case: '/cases/' } as const;

type Ref = TTask['links'][number] | { type: 'deal'; id: string; name: string };

function linkTo(ref: Ref): string {
  return ref.type === 'agreement' ? '/agreements' : `${RECORD_PATH[ref.type]}${ref.id}`;
}

/** What a task is about, its deals (by title) among the other records. */
function refsOf(task: TTask): Ref[] {
  return [...task.links, ...task.deals.map((deal) => ({ type: 'deal' as const, id: deal.id, name: deal.title }))];
}

/** The checklist; the sender and the assignee tick it, everyone else reads it. */
function Checklist({ task }: { task: TTask }) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const me = useMe();
  const update = useUpdateTask();
  const mayTick = task.sender?.id === me.id || task.assignee?.id === me.id;
  if (task.checklist.length === 0) return <Typography.Text type="secondary">{t('task.noChecklist')}</Typography.Text>;
  const tick = async (index: number, done: boolean) => {
    const checklist = task.checklist.map((item, i) => (i === index ? { ...item, done } : item));
    try {
      await update.mutateAsync({ id: task.id, checklist });
      message.success(t('task.checklistSaved'));
    } catch {
      // The alert below says why.
    }
  };
  return (
    <Flex vertical gap={4}>
      {task.checklist.map((item, index) => (
        <Checkbox
          // biome-ignore lint/suspicious/noArrayIndexKey: checklist items have no id; their place is who they are.
          key={index}
          checked={item.done}
          disabled={!mayTick || update.isPending}
          onChange={(event) => tick(index, event.target.checked)}
        >
          {item.text}
        </Checkbox>
      ))}
      <ErrorAlert error={update.error} />
    </Flex>
  );
}

/** `/tasks/:id`: a task's details, the moves the user may make, and its timeline of moves. */
export function TaskPage() {
  const { t } = useTranslation('tasks');
  const { id = '' } = useParams();
  const format = useFormatters();
  const task = useTask(id);
  // A process step ends through its form (in the panel below), not through the task's own moves.
  const processSteps = useProcessTasksOfTask(id);
  const isProcessStep = (processSteps.data?.data.length ?? 0) > 0;

  if (task.isPending) return <Skeleton active />;
  if (task.isError || !task.data) {
    const missing = isApiError(task.error) && (task.error.status === 404 || task.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('task.notFound') : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={task.error} />}
        extra={<Link to="/tasks">{t('task.back')}</Link>}
      />
    );
  }
  const data = task.data;

  const rows: DescriptionsProps['items'] = [
    { key: 'status', label: t('fields.status'), children: <TaskStatusTag status={data.status} /> },
    { key: 'priority', label: t('fields.priority'), children: <TaskPriorityTag priority={data.priority} /> },
    { key: 'due', label: t('fields.due'), children: <TaskDue task={data} /> },
    {
      key: 'assignee',
      label: t('fields.assignee'),
      children: data.assignee?.name ?? (data.queue ? t('list.inQueue', { unit: data.queue.name }) : t('nobody')),
    },
    { key: 'sender', label: t('fields.sender'), children: data.sender?.name ?? '' },
    ...(data.kind ? [{ key: 'kind', label: t('fields.kind'), children: data.kind }] : []),
    ...(data.receivedAt ? [{ key: 'received', label: t('fields.received'), children: format.dateTime(data.receivedAt) }] : []),
    ...(data.committedDate ? [{ key: 'committed', label: t('fields.committed'), children: format.calendarDate(data.committedDate) }] : []),
    ...(data.declineReason ? [{ key: 'reason', label: t('fields.declineReason'), children: data.declineReason }] : []),
    ...(data.result ? [{ key: 'result', label: t('fields.result'), children: data.result }] : []),
    {
      key: 'description',
      label: t('fields.description'),
      span: 'filled',
      children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.description ?? ''}</Typography.Paragraph>,
    },
  ];

  return (
    <>
      <Link to="/tasks">
        <ArrowLeftOutlined /> {t('task.back')}
      </Link>
      <PageHeader title={data.title} extra={isProcessStep ? null : <TaskActionBar task={data} />} />
      {data.status === 'accepted' && data.assignee && data.committedDate && (
        <Typography.Paragraph strong>
          {t('task.acceptedBy', { name: data.assignee.name, date: format.calendarDate(data.committedDate) })}
        </Typography.Paragraph>
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={24}>
            <ProcessStepPanel taskId={data.id} />
            <Card>
              <Descriptions column={{ xs: 1, md: 2 }} items={rows} size="small" />
            </Card>
            <Card title={t('fields.checklist')}>
              <Checklist task={data} />
            </Card>
            <AttachmentsCard entityType="task" entityId={data.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={24}>
            <Card title={t('fields.links')}>
              {data.hiddenLinks > 0 && (
                <Typography.Paragraph type="secondary">{t('task.hiddenLinks', { count: data.hiddenLinks })}</Typography.Paragraph>
              )}
              {refsOf(data).length === 0 ? (
                data.hiddenLinks === 0 && <Typography.Text type="secondary">{t('task.noLinks')}</Typography.Text>
              ) : (
                <Flex vertical gap={4}>
                  {refsOf(data).map((ref) => (
                    <span key={`${ref.type}-${ref.id}`}>
                      <Tag>{t(`record.${ref.type}`)}</Tag>
                      <Link to={linkTo(ref)}>{ref.name}</Link>
                    </span>
                  ))}
                </Flex>
              )}
            </Card>
            <Card title={t('fields.watchers')}>
              {data.watchers.length === 0 ? (
                <Typography.Text type="secondary">{t('task.noWatchers')}</Typography.Text>
              ) : (
                data.watchers.map((person) => <Tag key={person.id}>{person.name}</Tag>)
              )}
            </Card>
            <Card title={t('task.timeline')}>
              <Timeline
                items={data.timeline.map((event, index) => ({
                  key: `${event.at}-${index}`,
                  color: event.to === 'declined' ? 'red' : event.to === 'confirmed' || event.to === 'done' ? 'green' : 'blue',
                  content: (
                    <Flex vertical gap={2} data-testid="task-event">
                      <Typography.Text>
                        <strong>{event.actor?.name ?? ''}</strong> {event.from ? `${t(`status.${event.from}`)} → ` : ''}
                        {t(`status.${event.to}`)}
                      </Typography.Text>
                      <Typography.Text type="secondary">{format.dateTime(event.at)}</Typography.Text>
                      {event.note && <Typography.Text italic>{event.note}</Typography.Text>}
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
