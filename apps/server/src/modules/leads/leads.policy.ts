import { definePolicy } from '../authz/index.ts';

/**
 * Every member of staff reads every lead and may register one. The lead's owner works it (changes,
 * converts, disqualifies, removes it); managers and admins work any lead.
 *
 * `export` reaches what `read` does, `import` what `create` does, `assign` (giving a record to
 * another owner) what `update` does; a defined role may narrow any of them.
 */
export const leadPolicy = definePolicy<'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'assign'>('leads', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  manager: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  employee: { read: 'all', create: 'all', update: 'own', delete: 'own', export: 'all', import: 'all', assign: 'own' },
});

/** Web forms: read by all staff, made and changed by managers and admins. */
export const webFormPolicy = definePolicy<'read' | 'manage'>('web-forms', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all', manage: 'all' },
  employee: { read: 'all' },
});
