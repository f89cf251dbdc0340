import { namespaceMessages } from './namespace-messages.ts';

/** The system namespace, loaded with the system status page. */
export const loadSystemMessages = namespaceMessages('system', {
  en: () => import('../locales/system/en.json'),
  ru: () => import('../locales/system/ru.json'),
  it: () => import('../locales/system/it.json'),
});
