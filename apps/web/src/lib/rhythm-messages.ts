import { namespaceMessages } from './namespace-messages.ts';

/** The rhythm pages speak their own namespace, loaded with them. */
export const loadRhythmMessages = namespaceMessages('rhythm', {
  en: () => import('../locales/rhythm/en.json'),
  ru: () => import('../locales/rhythm/ru.json'),
  it: () => import('../locales/rhythm/it.json'),
});
