import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type RelationshipMessages = typeof import('../locales/relationships/en.json');

/**
 * Timelines, activities and agreements speak their own namespace, loaded with the customer pages
 * and the agreements page that show them (as customer-messages.ts does).
 */
const loaders: Record<TLocale, () => Promise<{ default: RelationshipMessages }>> = {
  en: () => import('../locales/relationships/en.json'),
  ru: () => import('../locales/relationships/ru.json'),
  it: () => import('../locales/relationships/it.json'),
};

async function addRelationshipMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'relationships')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'relationships', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `relationships` namespace for the current language; later language switches load it too. */
export function loadRelationshipMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addRelationshipMessages);
    const language = i18n.language;
    loading = addRelationshipMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
