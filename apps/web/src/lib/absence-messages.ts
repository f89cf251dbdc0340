import { namespaceMessages } from './namespace-messages.ts';

/** Absences speak their own namespace, loaded with their page. */
export const loadAbsenceMessages = namespaceMessages('absences', {
  en: () => import('../locales/absences/en.json'),
  ru: () => import('../locales/absences/ru.json'),
  it: () => import('../locales/absences/it.json'),
});
