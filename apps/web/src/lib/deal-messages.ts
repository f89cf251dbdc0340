import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type DealMessages = typeof import('../locales/deals/en.json');

/**
 * Deals, the pipeline board and the pipelines settings speak their own namespace, loaded with
 * their pages (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: DealMessages }>> = {
  en: () => import('../locales/deals/en.json'),
  ru: () => import('../locales/deals/ru.json'),
  it: () => import('../locales/deals/it.json'),
};

async function addDealMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'deals')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'deals', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `deals` namespace for the current language; later language switches load it too. */
export function loadDealMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addDealMessages);
    const language = i18n.language;
    loading = addDealMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
