import { namespaceMessages } from './namespace-messages.ts';

/**
 * Quotes, orders, payments and credit speak their own namespace, loaded with their pages (as
 * customer-messages.ts does).
 */
export const loadSalesMessages = namespaceMessages('sales', {
  en: () => import('../locales/sales/en.json'),
  ru: () => import('../locales/sales/ru.json'),
  it: () => import('../locales/sales/it.json'),
});
