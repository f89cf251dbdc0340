import type { TLocale } from '@clientela/contract';
import i18n from 'i18next';
import { namespaceLoaders } from './namespace-loaders.ts';

type Loaders = Record<TLocale, () => Promise<{ default: object }>>;

/**
 * A namespace of messages loaded with the pages that speak it: the returned function loads it for
 * the current language (English too, the fallback for any missing message), and registers it so
 * that a later switch of language loads that language's file as well.
 */
export function namespaceMessages(namespace: string, loaders: Loaders): () => Promise<void> {
  async function add(locale: TLocale): Promise<void> {
    for (const language of locale === 'en' ? (['en'] as const) : (['en', locale] as const)) {
      if (i18n.hasResourceBundle(language, namespace)) continue;
      const messages = await loaders[language]();
      i18n.addResourceBundle(language, namespace, messages.default);
    }
  }
  let loading: Promise<void> | undefined;
  return () => {
    if (!loading) {
      namespaceLoaders.push(add);
      const language = i18n.language;
      loading = add(language === 'ru' || language === 'it' ? language : 'en');
    }
    return loading;
  };
}
