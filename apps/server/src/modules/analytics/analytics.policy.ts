import { definePolicy } from '../authz/index.ts';

/**
 * Whose figures a dashboard shows: admins the whole workspace, managers their unit and the units
 * below it, employees their own.
 */
export const analyticsPolicy = definePolicy<'read'>('analytics', {
  admin: { read: 'all' },
  manager: { read: 'unit' },
  employee: { read: 'own' },
});
