import { definePolicy } from '../authz/index.ts';

/** Mail templates and mailings: all staff read them; admins and managers write, queue and send. */
export const mailingPolicy = definePolicy<'read' | 'manage'>('mailings', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all', manage: 'all' },
  employee: { read: 'all' },
});
