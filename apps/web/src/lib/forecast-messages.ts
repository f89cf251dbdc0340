import { namespaceMessages } from './namespace-messages.ts';

/** The forecast, plans pages speak their own namespace, loaded with them. */
export const loadForecastMessages = namespaceMessages('forecast', {
  en: () => import('../locales/forecast/en.json'),
  ru: () => import('../locales/forecast/ru.json'),
  it: () => import('../locales/forecast/it.json'),
});
