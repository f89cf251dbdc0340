import { namespaceMessages } from './namespace-messages.ts';

/**
 * Tasks speak their own namespace, loaded with the pages and drawers that show them.
 */
export const loadTaskMessages = namespaceMessages('tasks', {
  en: () => import('../locales/tasks/en.json'),
  ru: () => import('../locales/tasks/ru.json'),
  it: () => import('../locales/tasks/it.json'),
});
