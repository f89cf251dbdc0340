import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type TaskMessages = typeof import('../locales/tasks/en.json');

/**
 * Tasks speak their own namespace, loaded with the pages and drawers that show them
 * (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: TaskMessages }>> = {
  en: () => import('../locales/tasks/en.json'),
  ru: () => import('../locales/tasks/ru.json'),
  it: () => import('../locales/tasks/it.json'),
};

async function addTaskMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'tasks')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'tasks', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `tasks` namespace for the current language; later language switches load it too. */
export function loadTaskMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addTaskMessages);
    const language = i18n.language;
    loading = addTaskMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
