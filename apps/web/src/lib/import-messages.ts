import { namespaceMessages } from './namespace-messages.ts';

/** The import pages' messages form their own namespace, loaded with those pages. */
export const loadImportMessages = namespaceMessages('imports', {
  en: () => import('../locales/imports/en.json'),
  ru: () => import('../locales/imports/ru.json'),
  it: () => import('../locales/imports/it.json'),
});
