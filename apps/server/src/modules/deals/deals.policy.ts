import { definePolicy } from '../authz/index.ts';

/**
 * Deals follow their owner, like the customers they are with: admins reach all, managers their
 * unit (branch) and the units below it, employees the deals they own.
 */
export const dealPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('deals', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own', delete: 'own' },
});
