import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type AbsenceMessages = typeof import('../locales/absences/en.json');

/** Absences speak their own namespace, loaded with their page (as task-messages.ts does). */
const loaders: Record<TLocale, () => Promise<{ default: AbsenceMessages }>> = {
  en: () => import('../locales/absences/en.json'),
  ru: () => import('../locales/absences/ru.json'),
  it: () => import('../locales/absences/it.json'),
};

async function addAbsenceMessages(locale: TLocale): Promise<void> {
  // English too: it is the fallback for any missing message.
  for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
    if (i18n.hasResourceBundle(language, 'absences')) continue;
    const messages = await loaders[language]();
    i18n.addResourceBundle(language, 'absences', messages.default);
  }
}

let loading: Promise<void> | undefined;

/** Loads the `absences` namespace for the current language; later language switches load it too. */
export function loadAbsenceMessages(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(addAbsenceMessages);
    const language = i18n.language;
    loading = addAbsenceMessages(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
