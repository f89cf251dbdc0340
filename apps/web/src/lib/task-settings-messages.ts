import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type TaskSettingsMessages = typeof import('../locales/task-settings/en.json');

/**
 * The admin screens for assignments (units' lead times, reminder rules) speak their own namespace,
 * loaded with the drawer and card that show them (as task-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: TaskSettingsMessages }>> = {
  en: () => import('../locales/task-settings/en.json'),
  ru: () => import('../locales/task-settings/ru.json'),
  it: () => import('../locales/task-settings/it.json'),
};

async function addTaskSettingsMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'taskSettings')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'taskSettings', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `taskSettings` namespace for the current language; later language switches load it too. */
export function loadTaskSettingsMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addTaskSettingsMessages);
    const language = i18n.language;
    loading = addTaskSettingsMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
