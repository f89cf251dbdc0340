export { savedViews, staticListMembers, staticLists } from './views.table.ts';
