import { namespaceMessages } from './namespace-messages.ts';

/**
 * The duplicates screen, the merge dialog and the create drawers' warning speak their own
 * namespace, loaded with the pages that show them.
 */
export const loadDuplicateMessages = namespaceMessages('duplicates', {
  en: () => import('../locales/duplicates/en.json'),
  ru: () => import('../locales/duplicates/ru.json'),
  it: () => import('../locales/duplicates/it.json'),
});
