import type { TMe, TTask, TTaskStatus } from '@clientela/contract';

/** A button on the task page: the status it moves to and what the move asks for. */
export type TaskAction = {
  key: 'accept' | 'decline' | 'start' | 'done' | 'confirm' | 'reopen';
  to: TTaskStatus;
  needs?: 'committedDate' | 'reason' | 'result';
};

/** Whether `me` works on the task: its assignee, or a member of the queue's unit while nobody has taken it. */
export function actsAsAssignee(task: TTask, me: Pick<TMe, 'id' | 'unitId'>): boolean {
  if (task.assignee) return task.assignee.id === me.id;
  return task.queue !== null && task.queue.id === me.unitId;
}

/** The moves `me` may make now, as the server's life cycle allows them (see the tasks module's transitions). */
export function availableActions(task: TTask, me: Pick<TMe, 'id' | 'unitId'>): TaskAction[] {
  const actions: TaskAction[] = [];
  if (actsAsAssignee(task, me)) {
    if (task.status === 'sent' || task.status === 'received') {
      actions.push({ key: 'accept', to: 'accepted', needs: 'committedDate' }, { key: 'decline', to: 'declined', needs: 'reason' });
    }
    if (task.status === 'accepted') actions.push({ key: 'start', to: 'in_progress' });
    if (task.status === 'accepted' || task.status === 'in_progress') actions.push({ key: 'done', to: 'done', needs: 'result' });
  }
  if (task.sender?.id === me.id && task.status === 'done') {
    actions.push({ key: 'confirm', to: 'confirmed' }, { key: 'reopen', to: 'in_progress' });
  }
  return actions;
}

/** Whether the task is past its due time and still open. */
export function isOverdue(task: Pick<TTask, 'dueAt' | 'status'>, now = Date.now()): boolean {
  if (!task.dueAt || ['done', 'confirmed', 'declined'].includes(task.status)) return false;
  return new Date(task.dueAt).getTime() < now;
}
