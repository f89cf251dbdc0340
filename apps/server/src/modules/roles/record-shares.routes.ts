import { ZCreateRecordShareInput, ZIdParams, ZRecordShare, ZRecordShareList, ZRecordShareQuery } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { listRecordShares, removeRecordShare, shareRecord } from './record-shares.service.ts';

/** Sharing a record with a person or a unit beyond what their role reaches. */
export async function recordShareRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['roles'];
  api.get('/record-shares', { schema: { tags, querystring: ZRecordShareQuery, response: { 200: ZRecordShareList } } }, async (request) =>
    listRecordShares(ctxOf(db, request), request.query),
  );
  api.post('/record-shares', { schema: { tags, body: ZCreateRecordShareInput, response: { 201: ZRecordShare } } }, async (request, reply) =>
    reply.status(201).send(await shareRecord(ctxOf(db, request), request.body)),
  );
  api.delete('/record-shares/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await removeRecordShare(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
