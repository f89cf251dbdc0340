import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type DuplicateMessages = typeof import('../locales/duplicates/en.json');

/**
 * The duplicates screen, the merge dialog and the create drawers' warning speak their own
 * namespace, loaded with the pages that show them (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: DuplicateMessages }>> = {
  en: () => import('../locales/duplicates/en.json'),
  ru: () => import('../locales/duplicates/ru.json'),
  it: () => import('../locales/duplicates/it.json'),
};

async function addDuplicateMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'duplicates')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'duplicates', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `duplicates` namespace for the current language; later language switches load it too. */
export function loadDuplicateMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addDuplicateMessages);
    const language = i18n.language;
    loading = addDuplicateMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
