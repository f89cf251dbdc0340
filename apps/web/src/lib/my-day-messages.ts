import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type MyDayMessages = typeof import('../locales/my-day/en.json');

/** My day speaks its own namespace, loaded with the start page (as task-messages.ts does). */
const loaders: Record<TLocale, () => Promise<{ default: MyDayMessages }>> = {
  en: () => import('../locales/my-day/en.json'),
  ru: () => import('../locales/my-day/ru.json'),
  it: () => import('../locales/my-day/it.json'),
};

async function addMyDayMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'myDay')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'myDay', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `myDay` namespace for the current language; later language switches load it too. */
export function loadMyDayMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addMyDayMessages);
    const language = i18n.language;
    loading = addMyDayMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
