import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type CatalogueMessages = typeof import('../locales/catalogue/en.json');

/**
 * The catalogue (products, categories, price lists) and the currencies card speak their own namespace,
 * loaded with their pages (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: CatalogueMessages }>> = {
  en: () => import('../locales/catalogue/en.json'),
  ru: () => import('../locales/catalogue/ru.json'),
  it: () => import('../locales/catalogue/it.json'),
};

async function addCatalogueMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'catalogue')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'catalogue', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `catalogue` namespace for the current language; later language switches load it too. */
export function loadCatalogueMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addCatalogueMessages);
    const language = i18n.language;
    loading = addCatalogueMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
