import { namespaceMessages } from './namespace-messages.ts';

/**
 * Deals, the pipeline board and the pipelines settings speak their own namespace, loaded with
 * their pages.
 */
export const loadDealMessages = namespaceMessages('deals', {
  en: () => import('../locales/deals/en.json'),
  ru: () => import('../locales/deals/ru.json'),
  it: () => import('../locales/deals/it.json'),
});
