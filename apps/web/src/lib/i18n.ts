import type { TLocale } from '@clientela/contract';
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import { LOCALES } from './locales.ts';
import { namespaceLoaders } from './namespace-loaders.ts';

export { i18n };

const STORAGE_KEY = 'clientela.locale';

type Messages = typeof en;

/**
 * Non-English messages and antd locales load on demand: the login page stays small. dayjs speaks the
 * language through dayjs-locale.ts, loaded with the signed-in layout.
 */
const loaders: Record<Exclude<TLocale, 'en'>, () => Promise<{ messages: Messages; antd: AntdLocale }>> = {
  ru: async () => {
    const [messages, antd] = await Promise.all([import('../locales/ru.json'), import('antd/es/locale/ru_RU')]);
    return { messages: messages.default, antd: antd.default };
  },
  it: async () => {
    const [messages, antd] = await Promise.all([import('../locales/it.json'), import('antd/es/locale/it_IT')]);
    return { messages: messages.default, antd: antd.default };
  },
};

/** Narrows any string to a supported locale. */
export function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language to start with: the last one chosen in this browser, else the browser's own. */
export function detectLocale(): TLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; the browser language is a fine fallback.
  }
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const language of languages) {
    const base = language?.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Remembers the language in this browser, for the next visit before sign-in. */
export function rememberLocale(locale: TLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering is harmless.
  }
}

/**
 * Makes i18next, every loaded namespace (and dayjs, once loaded) and the page speak `locale`; returns antd's locale.
 * English is returned explicitly too: antd's ConfigProvider wraps its children in one more
 * provider only when it has a locale, so going from none to one would remount the whole app.
 */
export async function applyLocale(locale: TLocale): Promise<AntdLocale> {
  let antd = enUS;
  if (locale !== 'en') {
    const loaded = await loaders[locale]();
    if (!i18n.hasResourceBundle(locale, 'translation')) {
      i18n.addResourceBundle(locale, 'translation', loaded.messages);
    }
    antd = loaded.antd;
  }
  await Promise.all(namespaceLoaders.map((load) => load(locale)));
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  return antd;
}

/** Starts i18next with English bundled and `locale` loaded. */
export async function initI18n(locale: TLocale): Promise<AntdLocale> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return applyLocale(locale);
}
