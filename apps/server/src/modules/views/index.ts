export { checkColumns, checkSavedQuery } from './saved-query.ts';
export { savedViews, staticListMembers, staticLists } from './views.table.ts';
