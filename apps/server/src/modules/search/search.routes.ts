import { ZSearchQuery, ZSearchResult } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { type ModuleOptions, readCtxOf, typed } from '../../http/route-helpers.ts';
import { search } from './search.service.ts';

/** One search box over everything the actor may read. */
export async function searchRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  typed(app).get(
    '/search',
    { schema: { tags: ['search'], querystring: ZSearchQuery, response: { 200: ZSearchResult } } },
    async (request) => ({
      data: await search(readCtxOf(db, request), request.query.q, request.query.limit),
    }),
  );
}
