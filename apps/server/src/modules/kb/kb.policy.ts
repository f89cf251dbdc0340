import { definePolicy } from '../authz/index.ts';

/**
 * The company's memory is everyone's: all staff read every article (internal and public) and may
 * write new ones; the author keeps their article, managers and admins edit and remove any.
 * Categories are arranged by managers and admins.
 */
export const kbArticlePolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('kb-articles', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  employee: { read: 'all', create: 'all', update: 'own' },
});

export const kbCategoryPolicy = definePolicy<'read' | 'manage'>('kb-categories', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all', manage: 'all' },
  employee: { read: 'all' },
});
