import { definePolicy } from '../authz/index.ts';

/** Everyone sees the organisation chart; only admins change it. */
export const unitPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('units', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});
