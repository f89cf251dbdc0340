import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type CustomerMessages = typeof import('../locales/customers/en.json');

/**
 * The customer pages' messages form their own namespace, loaded with those pages: the login page
 * never needs them, and its first load stays small.
 */
const loaders: Record<TLocale, () => Promise<{ default: CustomerMessages }>> = {
  en: () => import('../locales/customers/en.json'),
  ru: () => import('../locales/customers/ru.json'),
  it: () => import('../locales/customers/it.json'),
};

async function addCustomerMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'customers')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'customers', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `customers` namespace for the current language; later language switches load it too. */
export function loadCustomerMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addCustomerMessages);
    const language = i18n.language;
    loading = addCustomerMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
