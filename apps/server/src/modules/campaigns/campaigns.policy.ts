import { definePolicy } from '../authz/index.ts';

/**
 * Lead sources, campaigns, the budget plan and ROI: read by all staff (they pick sources on
 * records and see what campaigns brought), managed by admins and managers.
 */
export const marketingPolicy = definePolicy<'read' | 'manage'>('marketing', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all', manage: 'all' },
  employee: { read: 'all' },
});
