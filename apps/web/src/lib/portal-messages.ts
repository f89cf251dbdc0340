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

/** Community questions and answers, the portal's pages and staff's, and the moderation queue. */
export const loadCommunityMessages = namespaceMessages('community', {
  en: () => import('../locales/community/en.json'),
  ru: () => import('../locales/community/ru.json'),
  it: () => import('../locales/community/it.json'),
});

/** Staff's side of the portal: portal accounts, invitations, a company's portal access and style, the portal's look. */
export const loadPortalUserMessages = namespaceMessages('portalUsers', {
  en: () => import('../locales/portal-users/en.json'),
  ru: () => import('../locales/portal-users/ru.json'),
  it: () => import('../locales/portal-users/it.json'),
});

/** The portal's first page, orders and quotes, surveys to answer and the dedicated manager. */
export const loadPortalHomeMessages = namespaceMessages('portalHome', {
  en: () => import('../locales/portal-home/en.json'),
  ru: () => import('../locales/portal-home/ru.json'),
  it: () => import('../locales/portal-home/it.json'),
});

/** Ideas: the portal's pages and staff's. */
export const loadIdeaMessages = namespaceMessages('ideas', {
  en: () => import('../locales/ideas/en.json'),
  ru: () => import('../locales/ideas/ru.json'),
  it: () => import('../locales/ideas/it.json'),
});
