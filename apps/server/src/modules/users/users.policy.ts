import { definePolicy } from '../authz/index.ts';

/** Everyone may know who their colleagues are; only admins manage people and roles. */
export const userPolicy = definePolicy<'read' | 'create' | 'update'>('users', {
  admin: { read: 'all', create: 'all', update: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});
