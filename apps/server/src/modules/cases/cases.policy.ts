import { definePolicy } from '../authz/index.ts';

/**
 * Everyone may know every complaint about a customer, so all staff read every case (the customer's
 * name only when they may read the customer) and anyone may register one. The responsible person
 * handles their case, managers their unit's (and the units below), admins all. A case waiting in a
 * unit's queue may be taken by any member of that unit (checked by the service).
 *
 * `export` reaches what `read` does, `import` what `create` does, `assign` (giving a record to
 * another owner) what `update` does; a defined role may narrow any of them.
 */
export const casePolicy = definePolicy<'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'assign'>('cases', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', import: 'all', assign: 'all' },
  manager: { read: 'all', create: 'all', update: 'unit', delete: 'unit', export: 'all', import: 'all', assign: 'unit' },
  employee: { read: 'all', create: 'all', update: 'own', export: 'all', import: 'all', assign: 'own' },
});

/** Case types, categories, working calendars, SLA policies and routing rules: read by all, set by admins. */
export const caseSettingsPolicy = definePolicy<'read' | 'manage'>('case-settings', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});
