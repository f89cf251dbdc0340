import { definePolicy } from '../authz/index.ts';

/**
 * Surveys are the workspace's: admins and managers build, send and close them and make call lists;
 * every member of staff reads them and their results.
 */
export const surveyPolicy = definePolicy<'read' | 'manage'>('surveys', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all', manage: 'all' },
  employee: { read: 'all' },
});
