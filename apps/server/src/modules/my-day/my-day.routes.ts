import { ZMyDay } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { myDay } from './my-day.service.ts';

/** The start page of a signed-in person: what needs them today. */
export async function myDayRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  typed(app).get('/my-day', { schema: { tags: ['my-day'], response: { 200: ZMyDay } } }, async (request) =>
    myDay(ctxOf(db, request), request.signedIn?.user.timeZone ?? 'UTC'),
  );
}
