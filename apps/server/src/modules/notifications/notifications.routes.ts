import {
  ZMarkNotificationsRead,
  ZNotificationList,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZPutNotificationPreferences,
  ZUnreadCount,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { listNotifications, markRead } from './notifications.service.ts';
import { getPreferences, putPreferences } from './preferences.ts';

/** Each person's notifications: the list with the unread count, marking them read, and how each kind reaches them. */
export async function notificationRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['notifications'];
  api.get(
    '/notifications',
    { schema: { tags, querystring: ZNotificationListQuery, response: { 200: ZNotificationList } } },
    async (request) => listNotifications(ctxOf(db, request), request.query),
  );
  api.post('/notifications/read', { schema: { tags, body: ZMarkNotificationsRead, response: { 200: ZUnreadCount } } }, async (request) =>
    markRead(ctxOf(db, request), request.body),
  );
  api.get('/notifications/preferences', { schema: { tags, response: { 200: ZNotificationPreferences } } }, async (request) =>
    getPreferences(ctxOf(db, request)),
  );
  api.put(
    '/notifications/preferences',
    { schema: { tags, body: ZPutNotificationPreferences, response: { 200: ZNotificationPreferences } } },
    async (request) => putPreferences(ctxOf(db, request), request.body),
  );
}
