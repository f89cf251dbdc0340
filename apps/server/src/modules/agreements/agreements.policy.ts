import { definePolicy } from '../authz/index.ts';

/**
 * Agreements bind the whole company, so everyone reads them all (the customer's name only when
 * they may read the customer). Whoever agreed keeps them; managers look after their unit's.
 */
export const agreementPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('agreements', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', create: 'all', update: 'unit', delete: 'unit' },
  employee: { read: 'all', create: 'all', update: 'own' },
});
