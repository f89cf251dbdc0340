import { definePolicy } from '../authz/index.ts';

/**
 * Deals follow their owner, like the customers they are with: admins reach all, managers their
 * unit (branch) and the units below it, employees the deals they own.
 *
 * `export` reaches what `read` does, `import` what `create` does, `assign` (giving a record to
 * another owner) what `update` does; a defined role may narrow any of them.
 */
export const dealPolicy = definePolicy<'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'assign'>('deals', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit', export: 'unit', import: 'unit', assign: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own', delete: 'own', export: 'own', import: 'own', assign: 'own' },
});
