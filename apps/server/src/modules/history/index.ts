export { diff, historyOf, recordChange } from './history.service.ts';
export { recordChanges } from './history.table.ts';
