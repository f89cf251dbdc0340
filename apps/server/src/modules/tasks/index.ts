export { taskPolicy } from './tasks.policy.ts';
export { taskEvents, taskLinks, tasks, unitLeadTimes } from './tasks.table.ts';
