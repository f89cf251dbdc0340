import { PlusOutlined } from '@ant-design/icons';
import { TASK_STATUSES, type TTask, type TTaskStatus } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Select, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type TaskQuery, useTaskPages } from './api.ts';
import { SendTaskDrawer } from './send-task-drawer.tsx';
import { TaskDue, TaskPriorityTag, TaskStatusTag } from './task-tags.tsx';

/** Which tasks a tab lists. */
export type TaskTab = 'mine' | 'sent' | 'queue';

const TAB_FILTER: Record<TaskTab, TaskQuery> = {
  mine: { 'filter[mine]': 'true' },
  sent: { 'filter[sentByMe]': 'true' },
  queue: { 'filter[myQueues]': 'true' },
};

/** The list's query for a tab and the filters. */
export function taskQueryOf(tab: TaskTab, status: TTaskStatus | undefined, overdue: boolean): TaskQuery {
  return {
    ...TAB_FILTER[tab],
    ...(status ? { 'filter[status]': status } : {}),
    ...(overdue ? { 'filter[overdue]': 'true' as const } : {}),
    sort: 'dueAt',
  };
}

/** `/tasks`: tasks assigned to me, sent by me and waiting in my unit's queue, by status, the overdue ones. */
export function TasksPage() {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const [tab, setTab] = useState<TaskTab>('mine');
  const [status, setStatus] = useState<TTaskStatus>();
  const [overdue, setOverdue] = useState(false);
  const [sending, setSending] = useState(false);

  const tasks = useTaskPages(taskQueryOf(tab, status, overdue));
  const rows = useMemo(() => tasks.data?.pages.flatMap((page) => page.data) ?? [], [tasks.data]);
  const total = tasks.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<TTask> = [
    { key: 'title', title: t('fields.title'), render: (_, task) => <Link to={`/tasks/${task.id}`}>{task.title}</Link> },
    { key: 'priority', title: t('fields.priority'), render: (_, task) => <TaskPriorityTag priority={task.priority} /> },
    { key: 'status', title: t('fields.status'), render: (_, task) => <TaskStatusTag status={task.status} /> },
    {
      key: 'assignee',
      title: t('fields.assignee'),
      render: (_, task) => task.assignee?.name ?? (task.queue ? t('list.inQueue', { unit: task.queue.name }) : t('nobody')),
    },
    { key: 'dueAt', title: t('fields.due'), render: (_, task) => <TaskDue task={task} /> },
    { key: 'sender', title: t('fields.sender'), render: (_, task) => task.sender?.name ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setSending(true)}>
            {t('list.send')}
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TaskTab)}
          items={(['mine', 'sent', 'queue'] as const).map((key) => ({ key, label: t(`list.tabs.${key}`) }))}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<TTaskStatus>
            allowClear
            placeholder={t('list.anyStatus')}
            aria-label={t('fields.status')}
            value={status}
            onChange={setStatus}
            options={TASK_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
            style={{ minWidth: 200 }}
          />
          <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
            {t('list.overdueOnly')}
          </Checkbox>
        </Flex>
        <ErrorAlert error={tasks.error} />
        <Table<TTask>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={tasks.isPending || (tasks.isFetching && !tasks.isFetchingNextPage)}
          locale={{ emptyText: t('list.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {t('list.shown', { shown: rows.length, total })}
          </Typography.Text>
          {tasks.hasNextPage && (
            <Button onClick={() => tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <SendTaskDrawer open={sending} onClose={() => setSending(false)} onSent={(task) => navigate(`/tasks/${task.id}`)} />
    </>
  );
}
