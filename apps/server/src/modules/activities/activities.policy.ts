import { definePolicy } from '../authz/index.ts';

/**
 * Everyone logs activities about the customers they may read, and reads those (see records.ts).
 * An activity is changed or removed by its author, a manager of the author's unit, or an admin.
 */
export const activityPolicy = definePolicy<'create' | 'update' | 'delete'>('activities', {
  admin: { create: 'all', update: 'all', delete: 'all' },
  manager: { create: 'all', update: 'unit', delete: 'unit' },
  employee: { create: 'all', update: 'own', delete: 'own' },
});
