import { namespaceMessages } from './namespace-messages.ts';

/** Campaigns, lead sources, ROI, leads and web forms. */
export const loadMarketingMessages = namespaceMessages('marketing', {
  en: () => import('../locales/marketing/en.json'),
  ru: () => import('../locales/marketing/ru.json'),
  it: () => import('../locales/marketing/it.json'),
});

/** Mailings, mail templates, consent and birthday greetings. */
export const loadMailingMessages = namespaceMessages('mailings', {
  en: () => import('../locales/mailings/en.json'),
  ru: () => import('../locales/mailings/ru.json'),
  it: () => import('../locales/mailings/it.json'),
});

/** Surveys: the builder, the results, the call lists and the public answer page. */
export const loadSurveyMessages = namespaceMessages('surveys', {
  en: () => import('../locales/surveys/en.json'),
  ru: () => import('../locales/surveys/ru.json'),
  it: () => import('../locales/surveys/it.json'),
});
