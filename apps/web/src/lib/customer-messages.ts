import { namespaceMessages } from './namespace-messages.ts';

/**
 * The customer pages' messages form their own namespace, loaded with those pages: the login page
 * never needs them, and its first load stays small.
 */
export const loadCustomerMessages = namespaceMessages('customers', {
  en: () => import('../locales/customers/en.json'),
  ru: () => import('../locales/customers/ru.json'),
  it: () => import('../locales/customers/it.json'),
});
