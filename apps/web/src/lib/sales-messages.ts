import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type SalesMessages = typeof import('../locales/sales/en.json');

/**
 * Quotes, orders, payments and credit speak their own namespace, loaded with their pages (as
 * customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: SalesMessages }>> = {
  en: () => import('../locales/sales/en.json'),
  ru: () => import('../locales/sales/ru.json'),
  it: () => import('../locales/sales/it.json'),
};

async function addSalesMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'sales')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'sales', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `sales` namespace for the current language; later language switches load it too. */
export function loadSalesMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addSalesMessages);
    const language = i18n.language;
    loading = addSalesMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
