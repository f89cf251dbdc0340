import { ZCalendar, ZCalendarFeed, ZCalendarQuery } from '@clientela/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../http/errors.ts';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { calendarEntries, createFeed, feedCalendar, feedOf, revokeFeed } from './calendar.service.ts';

/** The address the server is reached at, as the person's browser sees it (for the feed's URL). */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Meetings, calls, follow-ups and contract ends by day; and each person's iCalendar feed. */
export async function calendarRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['calendar'];
  api.get('/calendar', { schema: { tags, querystring: ZCalendarQuery, response: { 200: ZCalendar } } }, async (request) => ({
    data: await calendarEntries(ctxOf(db, request), request.query),
  }));
  api.get('/calendar/feed', { schema: { tags, response: { 200: ZCalendarFeed } } }, async (request) => feedOf(ctxOf(db, request)));
  api.post('/calendar/feed', { schema: { tags, response: { 201: ZCalendarFeed } } }, async (request, reply) =>
    reply.status(201).send(await createFeed(ctxOf(db, request), originOf(request))),
  );
  api.delete('/calendar/feed', { schema: { tags } }, async (request, reply) => {
    await revokeFeed(ctxOf(db, request));
    return reply.status(204).send();
  });
}

/**
 * The feed itself, outside /api/v1: calendar programs send no cookie or header, the secret in the
 * address is the key. Unknown or revoked addresses answer 404.
 */
export async function calendarFeedRoute(app: FastifyInstance, { db }: { db: ModuleOptions['db'] }) {
  typed(app).get(
    '/api/calendar/:file',
    { schema: { hide: true, params: z.strictObject({ file: z.string().regex(/^[\w-]{20,100}\.ics$/) }) }, config: { public: true } },
    async (request, reply) => {
      const text = await feedCalendar(db, request.params.file.replace(/\.ics$/, ''), 'Clientela');
      if (text === null) throw notFound('calendar');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="clientela.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );
}
