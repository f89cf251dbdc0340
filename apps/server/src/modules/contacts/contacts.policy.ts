import { definePolicy } from '../authz/index.ts';

/** The same reach as for companies: admins all, managers their unit, employees their own; export, import and assign follow read, create and update. */
export const contactPolicy = definePolicy<'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'assign'>('contacts', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit', export: 'unit', import: 'unit', assign: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own', export: 'own', import: 'own', assign: 'own' },
});
