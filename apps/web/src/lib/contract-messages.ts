import { namespaceMessages } from './namespace-messages.ts';

/**
 * Contracts, the calendar and attachments speak their own namespace, loaded with the pages and
 * cards that show them.
 */
export const loadContractMessages = namespaceMessages('contracts', {
  en: () => import('../locales/contracts/en.json'),
  ru: () => import('../locales/contracts/ru.json'),
  it: () => import('../locales/contracts/it.json'),
});
