export { type Mailer, type MailerOptions, startMailer } from './mailer.ts';
export { membersOf, notify, notifySql, writeNoticesSql } from './notifications.service.ts';
export { notifications } from './notifications.table.ts';
