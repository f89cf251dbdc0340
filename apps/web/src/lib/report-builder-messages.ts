import { namespaceMessages } from './namespace-messages.ts';

/** The report builder pages speak their own namespace, loaded with them. */
export const loadReportBuilderMessages = namespaceMessages('reportBuilder', {
  en: () => import('../locales/report-builder/en.json'),
  ru: () => import('../locales/report-builder/ru.json'),
  it: () => import('../locales/report-builder/it.json'),
});
