import { definePolicy } from '../authz/index.ts';

/**
 * Files are read and added by whoever may read their record (see attachments.service.ts); they
 * are removed by who uploaded them, a manager of that person's unit, or an admin.
 */
export const attachmentPolicy = definePolicy<'delete'>('attachments', {
  admin: { delete: 'all' },
  manager: { delete: 'unit' },
  employee: { delete: 'own' },
});
