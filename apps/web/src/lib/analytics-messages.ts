import { namespaceMessages } from './namespace-messages.ts';

/** The analytics pages speak their own namespace, loaded with them. */
export const loadAnalyticsMessages = namespaceMessages('analytics', {
  en: () => import('../locales/analytics/en.json'),
  ru: () => import('../locales/analytics/ru.json'),
  it: () => import('../locales/analytics/it.json'),
});
