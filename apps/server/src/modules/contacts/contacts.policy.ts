import { definePolicy } from '../authz/index.ts';

/** The same reach as for companies: admins all, managers their unit, employees their own. */
export const contactPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('contacts', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own' },
});
