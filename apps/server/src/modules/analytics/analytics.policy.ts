import { definePolicy } from '../authz/index.ts';

/**
 * Whose figures a dashboard shows: admins the whole workspace, managers their unit and the units
 * below it, employees their own. `export` (spreadsheet downloads of reports) reaches what `read` does.
 */
export const analyticsPolicy = definePolicy<'read' | 'export'>('analytics', {
  admin: { read: 'all', export: 'all' },
  manager: { read: 'unit', export: 'unit' },
  employee: { read: 'own', export: 'own' },
});
