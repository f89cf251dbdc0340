import { definePolicy } from '../authz/index.ts';

/**
 * Everyone may know every complaint about a customer, so all staff read every case (the customer's
 * name only when they may read the customer) and anyone may register one. The responsible person
 * handles their case, managers their unit's (and the units below), admins all. A case waiting in a
 * unit's queue may be taken by any member of that unit (checked by the service).
 */
export const casePolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('cases', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', create: 'all', update: 'unit', delete: 'unit' },
  employee: { read: 'all', create: 'all', update: 'own' },
});

/** Case types, categories, working calendars, SLA policies and routing rules: read by all, set by admins. */
export const caseSettingsPolicy = definePolicy<'read' | 'manage'>('case-settings', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});
