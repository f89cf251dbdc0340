import { namespaceMessages } from './namespace-messages.ts';

/** The gdpr namespace, loaded with its pages. */
export const loadGdprMessages = namespaceMessages('gdpr', {
  en: () => import('../locales/gdpr/en.json'),
  ru: () => import('../locales/gdpr/ru.json'),
  it: () => import('../locales/gdpr/it.json'),
});
