import { namespaceMessages } from './namespace-messages.ts';

/** The processes list, monitor and step forms speak their own namespace, loaded with them. */
export const loadProcessMessages = namespaceMessages('processes', {
  en: () => import('../locales/processes/en.json'),
  ru: () => import('../locales/processes/ru.json'),
  it: () => import('../locales/processes/it.json'),
});

/** The process designer (and the diagram's own palette and menus) speaks its own namespace. */
export const loadProcessDesignerMessages = namespaceMessages('processDesigner', {
  en: () => import('../locales/process-designer/en.json'),
  ru: () => import('../locales/process-designer/ru.json'),
  it: () => import('../locales/process-designer/it.json'),
});
