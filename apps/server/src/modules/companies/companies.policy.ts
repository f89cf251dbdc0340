import { definePolicy } from '../authz/index.ts';

/**
 * Default reach per role: admins everything, managers their unit (branch) and the units below
 * it, employees the customers they are responsible for.
 */
export const companyPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('companies', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own' },
});
