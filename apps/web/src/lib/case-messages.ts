import { namespaceMessages } from './namespace-messages.ts';

/** The cases pages (list, case, statistics, settings) speak their own namespace, loaded with them. */
export const loadCaseMessages = namespaceMessages('cases', {
  en: () => import('../locales/cases/en.json'),
  ru: () => import('../locales/cases/ru.json'),
  it: () => import('../locales/cases/it.json'),
});

/** The knowledge base (and the article picker of a case's reply) speaks its own namespace. */
export const loadKbMessages = namespaceMessages('kb', {
  en: () => import('../locales/kb/en.json'),
  ru: () => import('../locales/kb/ru.json'),
  it: () => import('../locales/kb/it.json'),
});

/** The case settings page (types, SLA policies, working calendars, routing rules). */
export const loadCaseSettingsMessages = namespaceMessages('caseSettings', {
  en: () => import('../locales/case-settings/en.json'),
  ru: () => import('../locales/case-settings/ru.json'),
  it: () => import('../locales/case-settings/it.json'),
});

/** The case statistics page. */
export const loadCaseStatsMessages = namespaceMessages('caseStats', {
  en: () => import('../locales/case-stats/en.json'),
  ru: () => import('../locales/case-stats/ru.json'),
  it: () => import('../locales/case-stats/it.json'),
});
