import { definePolicy } from '../authz/index.ts';

/**
 * Community questions for staff: everyone reads, answers, accepts an answer and promotes it to
 * the knowledge base (as any of them may write articles); only managers and admins hide or approve posts.
 */
export const communityPolicy = definePolicy<'read' | 'answer' | 'accept' | 'promote' | 'moderate'>('community-questions', {
  admin: { read: 'all', answer: 'all', accept: 'all', promote: 'all', moderate: 'all' },
  manager: { read: 'all', answer: 'all', accept: 'all', promote: 'all', moderate: 'all' },
  employee: { read: 'all', answer: 'all', accept: 'all', promote: 'all' },
});
