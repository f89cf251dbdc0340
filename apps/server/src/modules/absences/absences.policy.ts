import { definePolicy } from '../authz/index.ts';

/**
 * Absences are marked and cancelled by the absent person for themselves, by a manager for the
 * people of their unit tree, and by an admin for anyone. Their deputy and their creator read
 * them too (see `readableAbsenceSql`).
 */
export const absencePolicy = definePolicy<'read' | 'create' | 'delete'>('absences', {
  admin: { read: 'all', create: 'all', delete: 'all' },
  manager: { read: 'unit', create: 'unit', delete: 'unit' },
  employee: { read: 'own', create: 'own', delete: 'own' },
});
