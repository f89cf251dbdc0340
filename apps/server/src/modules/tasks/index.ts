export { presentTasks, readableTaskSql } from './present.ts';
export { taskPolicy } from './tasks.policy.ts';
export { createTask } from './tasks.service.ts';
export { taskEvents, taskLinks, tasks, unitLeadTimes } from './tasks.table.ts';
