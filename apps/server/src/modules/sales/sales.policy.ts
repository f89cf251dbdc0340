import { definePolicy } from '../authz/index.ts';

/**
 * Quotes and orders follow their owner, like deals: admins reach all, managers their unit (branch)
 * and below, employees their own. Letting an order past a credit limit is a manager's decision.
 */
export const salesPolicy = definePolicy<'read' | 'create' | 'update' | 'override'>('sales', {
  admin: { read: 'all', create: 'all', update: 'all', override: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', override: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own' },
});
