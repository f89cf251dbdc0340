import { namespaceMessages } from './namespace-messages.ts';

/**
 * Timelines, activities and agreements speak their own namespace, loaded with the customer pages
 * and the agreements page that show them.
 */
export const loadRelationshipMessages = namespaceMessages('relationships', {
  en: () => import('../locales/relationships/en.json'),
  ru: () => import('../locales/relationships/ru.json'),
  it: () => import('../locales/relationships/it.json'),
});
