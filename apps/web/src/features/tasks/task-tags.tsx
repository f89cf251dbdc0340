import type { TTask, TTaskStatus } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../customers/date-format.ts';
import { isOverdue } from './task-actions.ts';

const STATUS_COLOR: Record<TTaskStatus, string> = {
  sent: 'default',
  received: 'blue',
  accepted: 'cyan',
  declined: 'red',
  in_progress: 'processing',
  done: 'green',
  confirmed: 'success',
};
const PRIORITY_COLOR = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' } as const;

/** A task's status as a coloured tag. */
export function TaskStatusTag({ status }: { status: TTaskStatus }) {
  const { t } = useTranslation('tasks');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** A task's priority as a coloured tag. */
export function TaskPriorityTag({ priority }: { priority: TTask['priority'] }) {
  const { t } = useTranslation('tasks');
  return <Tag color={PRIORITY_COLOR[priority]}>{t(`priority.${priority}`)}</Tag>;
}

/** The due time in the user's language and zone, with "overdue" in red when it has passed. */
export function TaskDue({ task }: { task: Pick<TTask, 'dueAt' | 'status'> }) {
  const { t } = useTranslation('tasks');
  const format = useFormatters();
  if (!task.dueAt) return <Typography.Text type="secondary">{t('noDue')}</Typography.Text>;
  return (
    <span>
      {format.dateTime(task.dueAt)}
      {isOverdue(task) && (
        <Typography.Text type="danger" strong style={{ marginInlineStart: 8 }}>
          {t('overdue')}
        </Typography.Text>
      )}
    </span>
  );
}
