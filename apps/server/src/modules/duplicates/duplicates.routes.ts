import {
  ZCreateMergeInput,
  ZDismissDuplicateInput,
  ZDuplicateCheckInput,
  ZDuplicateCheckResult,
  ZDuplicateListQuery,
  ZDuplicatePairList,
  ZIdParams,
  ZMerge,
  ZMergeList,
  ZMergeListQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { checkDuplicates, dismissDuplicate, listDuplicatePairs } from './duplicates.service.ts';
import { createMerge, getMerge, listMerges, undoMerge } from './merges.service.ts';

/** Probable duplicates across the base, the check before creating, and merges that can be undone. */
export async function duplicateRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['duplicates'];
  api.get('/duplicates', { schema: { tags, querystring: ZDuplicateListQuery, response: { 200: ZDuplicatePairList } } }, async (request) =>
    listDuplicatePairs(ctxOf(db, request), request.query.entity, request.query.limit, request.query.cursor),
  );
  api.post(
    '/duplicates/check',
    { schema: { tags, body: ZDuplicateCheckInput, response: { 200: ZDuplicateCheckResult } } },
    async (request) => checkDuplicates(ctxOf(db, request), request.body),
  );
  api.post('/duplicates/dismiss', { schema: { tags, body: ZDismissDuplicateInput } }, async (request, reply) => {
    await dismissDuplicate(ctxOf(db, request), request.body.entity, request.body.ids);
    return reply.status(204).send();
  });

  const mergeTags = ['merges'];
  api.post('/merges', { schema: { tags: mergeTags, body: ZCreateMergeInput, response: { 201: ZMerge } } }, async (request, reply) =>
    reply.status(201).send(await createMerge(ctxOf(db, request), request.body)),
  );
  api.get('/merges', { schema: { tags: mergeTags, querystring: ZMergeListQuery, response: { 200: ZMergeList } } }, async (request) =>
    listMerges(ctxOf(db, request), request.query.entity, request.query.recordId),
  );
  api.get('/merges/:id', { schema: { tags: mergeTags, params: ZIdParams, response: { 200: ZMerge } } }, async (request) =>
    getMerge(ctxOf(db, request), request.params.id),
  );
  api.post('/merges/:id/undo', { schema: { tags: mergeTags, params: ZIdParams, response: { 200: ZMerge } } }, async (request) =>
    undoMerge(ctxOf(db, request), request.params.id),
  );
}
