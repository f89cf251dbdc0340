import { definePolicy } from '../authz/index.ts';

/**
 * Quotes and orders follow their owner, like deals: admins reach all, managers their unit (branch)
 * and below, employees their own. Letting an order past a credit limit is a manager's decision.
 * `export` (files of the catalogue and of sales) reaches what `read` does.
 */
export const salesPolicy = definePolicy<'read' | 'create' | 'update' | 'override' | 'export'>('sales', {
  admin: { read: 'all', create: 'all', update: 'all', override: 'all', export: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', override: 'unit', export: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own', export: 'own' },
});
