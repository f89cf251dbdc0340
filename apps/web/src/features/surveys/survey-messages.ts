import type { TLocale } from '@clientela/contract';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { i18n } from '../../lib/i18n.ts';

const LOADERS: Record<TLocale, () => Promise<{ default: object }>> = {
  en: () => import('../../locales/surveys/en.json'),
  ru: () => import('../../locales/surveys/ru.json'),
  it: () => import('../../locales/surveys/it.json'),
};

/** Loads the survey messages of one language, whatever language the app speaks. */
export async function loadSurveyLanguage(language: TLocale): Promise<void> {
  if (i18n.hasResourceBundle(language, 'surveys')) return;
  const messages = await LOADERS[language]();
  i18n.addResourceBundle(language, 'surveys', messages.default);
}

/**
 * The survey messages in `language` (not the app's): a respondent reads the page in the language of
 * the invitation. Until another language's file is loaded, the one loaded before speaks (the page
 * stays on screen); undefined only before any is loaded.
 */
export function useSurveyT(language: TLocale | undefined): { t: TFunction<'surveys'>; language: TLocale } | undefined {
  const [ready, setReady] = useState<TLocale | undefined>(() =>
    language && i18n.hasResourceBundle(language, 'surveys') ? language : undefined,
  );
  useEffect(() => {
    if (!language) return;
    let live = true;
    void loadSurveyLanguage(language).then(() => {
      if (live) setReady(language);
    });
    return () => {
      live = false;
    };
  }, [language]);
  const speaking = language && i18n.hasResourceBundle(language, 'surveys') ? language : ready;
  return speaking ? { t: i18n.getFixedT(speaking, 'surveys'), language: speaking } : undefined;
}
