import { namespaceMessages } from './namespace-messages.ts';

/** The auditLog namespace, loaded with its pages. */
export const loadAuditLogMessages = namespaceMessages('auditLog', {
  en: () => import('../locales/audit-log/en.json'),
  ru: () => import('../locales/audit-log/ru.json'),
  it: () => import('../locales/audit-log/it.json'),
});
