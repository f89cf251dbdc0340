import type { TLocale } from '@clientela/contract';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

// English is built into dayjs; the others load on demand.
const loaders: Record<Exclude<TLocale, 'en'>, () => Promise<unknown>> = {
  ru: () => import('dayjs/locale/ru'),
  it: () => import('dayjs/locale/it'),
};

async function setDayjsLocale(locale: TLocale): Promise<void> {
  if (locale !== 'en') await loaders[locale]();
  dayjs.locale(locale);
}

let loading: Promise<void> | undefined;

/**
 * Makes dayjs speak the current language, and every language chosen later. Loaded with the signed-in
 * layout: only signed-in pages show dates, and dayjs stays out of the login page's first load.
 */
export function loadDayjsLocale(): Promise<void> {
  if (!loading) {
    namespaceLoaders.push(setDayjsLocale);
    const language = i18n.language;
    loading = setDayjsLocale(language === 'ru' || language === 'it' ? language : 'en');
  }
  return loading;
}
