import { namespaceMessages } from './namespace-messages.ts';

/**
 * The admin screens for assignments (units' lead times, reminder rules) speak their own namespace,
 * loaded with the drawer and card that show them.
 */
export const loadTaskSettingsMessages = namespaceMessages('taskSettings', {
  en: () => import('../locales/task-settings/en.json'),
  ru: () => import('../locales/task-settings/ru.json'),
  it: () => import('../locales/task-settings/it.json'),
});
