import { definePolicy } from '../authz/index.ts';

/**
 * Default reach per role: admins everything, managers their unit (branch) and the units below
 * it, employees the customers they are responsible for.
 *
 * `export` reaches what `read` does, `import` what `create` does, `assign` (giving a record to
 * another owner) what `update` does; a defined role may narrow any of them.
 */
export const companyPolicy = definePolicy<'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'assign'>('companies', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  manager: { read: 'unit', create: 'unit', update: 'unit', delete: 'unit', export: 'unit', import: 'unit', assign: 'unit' },
  employee: { read: 'own', create: 'own', update: 'own', export: 'own', import: 'own', assign: 'own' },
});
