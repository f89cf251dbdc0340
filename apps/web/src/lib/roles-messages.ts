import { namespaceMessages } from './namespace-messages.ts';

/** The roles namespace, loaded with its pages. */
export const loadRolesMessages = namespaceMessages('roles', {
  en: () => import('../locales/roles/en.json'),
  ru: () => import('../locales/roles/ru.json'),
  it: () => import('../locales/roles/it.json'),
});
