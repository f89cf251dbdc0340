import { namespaceMessages } from './namespace-messages.ts';

/**
 * The catalogue (products, categories, price lists) and the currencies card speak their own namespace,
 * loaded with their pages.
 */
export const loadCatalogueMessages = namespaceMessages('catalogue', {
  en: () => import('../locales/catalogue/en.json'),
  ru: () => import('../locales/catalogue/ru.json'),
  it: () => import('../locales/catalogue/it.json'),
});
