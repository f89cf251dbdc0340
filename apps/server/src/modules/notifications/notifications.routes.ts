import { ZMarkNotificationsRead, ZNotificationList, ZNotificationListQuery, ZUnreadCount } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { listNotifications, markRead } from './notifications.service.ts';

/** Each person's notifications: the list with the unread count, and marking them read. */
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
}
