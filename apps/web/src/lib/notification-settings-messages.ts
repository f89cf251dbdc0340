import { namespaceMessages } from './namespace-messages.ts';

/** The notification settings card speaks its own namespace, loaded when the card first shows. */
export const loadNotificationSettingsMessages = namespaceMessages('notificationSettings', {
  en: () => import('../locales/notification-settings/en.json'),
  ru: () => import('../locales/notification-settings/ru.json'),
  it: () => import('../locales/notification-settings/it.json'),
});
