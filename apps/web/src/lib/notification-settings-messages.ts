import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type NotificationSettingsMessages = typeof import('../locales/notification-settings/en.json');

/** The notification settings card speaks its own namespace, loaded when the card first shows (as task-messages.ts does). */
const loaders: Record<TLocale, () => Promise<{ default: NotificationSettingsMessages }>> = {
  en: () => import('../locales/notification-settings/en.json'),
  ru: () => import('../locales/notification-settings/ru.json'),
  it: () => import('../locales/notification-settings/it.json'),
};

async function addMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'notificationSettings')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'notificationSettings', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `notificationSettings` namespace for the current language; later language switches load it too. */
export function loadNotificationSettingsMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addMessages);
    const language = i18n.language;
    loading = addMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
