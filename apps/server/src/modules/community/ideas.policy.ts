import { definePolicy } from '../authz/index.ts';

/**
 * Customers' ideas for staff: everyone reads them and may comment; managers and admins answer
 * them with a status and moderate (hide or approve) ideas and comments.
 */
export const ideaPolicy = definePolicy<'read' | 'comment' | 'answer' | 'moderate'>('ideas', {
  admin: { read: 'all', comment: 'all', answer: 'all', moderate: 'all' },
  manager: { read: 'all', comment: 'all', answer: 'all', moderate: 'all' },
  employee: { read: 'all', comment: 'all' },
});
