import { namespaceMessages } from './namespace-messages.ts';

/** The reports pages speak their own namespace, loaded with them. */
export const loadReportsMessages = namespaceMessages('reports', {
  en: () => import('../locales/reports/en.json'),
  ru: () => import('../locales/reports/ru.json'),
  it: () => import('../locales/reports/it.json'),
});
