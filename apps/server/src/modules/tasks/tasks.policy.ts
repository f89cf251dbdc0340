import { definePolicy } from '../authz/index.ts';

/**
 * Everyone reads and moves the tasks they take part in: as sender, assignee, watcher, or member
 * of the unit whose queue it was sent to (see `readableTaskSql`). Beyond that, `read` and
 * `update` reach a manager's unit tree (the assignee's or the queue's unit) and an admin's
 * whole workspace.
 */
export const taskPolicy = definePolicy<'read' | 'update'>('tasks', {
  admin: { read: 'all', update: 'all' },
  manager: { read: 'unit', update: 'unit' },
  employee: { read: 'own', update: 'own' },
});

/** A unit's standard lead times are set by admins and by the managers above that unit. */
export const leadTimePolicy = definePolicy<'update'>('unit-lead-times', {
  admin: { update: 'all' },
  manager: { update: 'unit' },
  employee: {},
});
