import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type ContractMessages = typeof import('../locales/contracts/en.json');

/**
 * Contracts, the calendar and attachments speak their own namespace, loaded with the pages and
 * cards that show them (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: ContractMessages }>> = {
  en: () => import('../locales/contracts/en.json'),
  ru: () => import('../locales/contracts/ru.json'),
  it: () => import('../locales/contracts/it.json'),
};

async function addContractMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'contracts')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'contracts', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `contracts` namespace for the current language; later language switches load it too. */
export function loadContractMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addContractMessages);
    const language = i18n.language;
    loading = addContractMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
