import { namespaceMessages } from './namespace-messages.ts';

/** My day speaks its own namespace, loaded with the start page. */
export const loadMyDayMessages = namespaceMessages('myDay', {
  en: () => import('../locales/my-day/en.json'),
  ru: () => import('../locales/my-day/ru.json'),
  it: () => import('../locales/my-day/it.json'),
});
