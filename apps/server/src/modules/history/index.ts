export { diff, historyOf, recordChange, recordManyChanges } from './history.service.ts';
export { recordChanges } from './history.table.ts';
