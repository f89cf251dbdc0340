import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type ImportMessages = typeof import('../locales/imports/en.json');

/** The import pages' messages form their own namespace, loaded with those pages (as customer-messages.ts does). */
const loaders: Record<TLocale, () => Promise<{ default: ImportMessages }>> = {
  en: () => import('../locales/imports/en.json'),
  ru: () => import('../locales/imports/ru.json'),
  it: () => import('../locales/imports/it.json'),
};

async function addImportMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'imports')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'imports', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `imports` namespace for the current language; later language switches load it too. */
export function loadImportMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addImportMessages);
    const language = i18n.language;
    loading = addImportMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
