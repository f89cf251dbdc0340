import { definePolicy } from '../authz/index.ts';

/**
 * Contracts are read by whoever may read their company (see contracts.service.ts). They are
 * kept by their responsible person, managers of that person's unit, and admins.
 */
export const contractPolicy = definePolicy<'create' | 'update' | 'delete'>('contracts', {
  admin: { create: 'all', update: 'all', delete: 'all' },
  manager: { create: 'unit', update: 'unit', delete: 'unit' },
  employee: { create: 'own', update: 'own' },
});
