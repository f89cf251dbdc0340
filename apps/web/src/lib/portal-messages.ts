import { namespaceMessages } from './namespace-messages.ts';

/** The customer portal's shell, sign-in, profile and data download, and staff's portal-users page. */
export const loadPortalMessages = namespaceMessages('portal', {
  en: () => import('../locales/portal/en.json'),
  ru: () => import('../locales/portal/ru.json'),
  it: () => import('../locales/portal/it.json'),
});

/** The portal's cases, help centre, orders, quotes and surveys. */
export const loadPortalCaseMessages = namespaceMessages('portalCases', {
  en: () => import('../locales/portal-cases/en.json'),
  ru: () => import('../locales/portal-cases/ru.json'),
  it: () => import('../locales/portal-cases/it.json'),
});

/** Ideas and community questions: the portal's pages and staff's moderation. */
export const loadCommunityMessages = namespaceMessages('community', {
  en: () => import('../locales/community/en.json'),
  ru: () => import('../locales/community/ru.json'),
  it: () => import('../locales/community/it.json'),
});
