import {
  ZCreateDealInput,
  ZCreateLostReasonInput,
  ZCreatePipelineInput,
  ZDeal,
  ZDealList,
  ZDealListQuery,
  ZDealStageHistory,
  ZDealTimelineQuery,
  ZIdParams,
  ZLostReason,
  ZLostReasonList,
  ZMoveDealInput,
  ZPipeline,
  ZPipelineBoard,
  ZPipelineBoardQuery,
  ZPipelineList,
  ZTimeline,
  ZUpdateDealInput,
  ZUpdateLostReasonInput,
  ZUpdatePipelineInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { pipelineBoard } from './board.ts';
import { dealTimeline } from './deal-timeline.ts';
import { createDeal, deleteDeal, getDeal, listDeals, moveDeal, updateDeal } from './deals.service.ts';
import {
  createLostReason,
  createPipeline,
  deletePipeline,
  getPipeline,
  listLostReasons,
  listPipelines,
  updateLostReason,
  updatePipeline,
} from './pipelines.service.ts';
import { dealStageHistory } from './stage-history.ts';

/** Pipelines with their stages and lost reasons, the board, and deals with their timelines. */
export async function dealRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['deals'];
  api.get('/pipelines', { schema: { tags, response: { 200: ZPipelineList } } }, async (request) => ({
    data: await listPipelines(ctxOf(db, request)),
  }));
  api.post('/pipelines', { schema: { tags, body: ZCreatePipelineInput, response: { 201: ZPipeline } } }, async (request, reply) =>
    reply.status(201).send(await createPipeline(ctxOf(db, request), request.body)),
  );
  api.get('/pipelines/lost-reasons', { schema: { tags, response: { 200: ZLostReasonList } } }, async (request) => ({
    data: await listLostReasons(ctxOf(db, request)),
  }));
  api.post(
    '/pipelines/lost-reasons',
    { schema: { tags, body: ZCreateLostReasonInput, response: { 201: ZLostReason } } },
    async (request, reply) => reply.status(201).send(await createLostReason(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/pipelines/lost-reasons/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateLostReasonInput, response: { 200: ZLostReason } } },
    async (request) => updateLostReason(ctxOf(db, request), request.params.id, request.body),
  );
  api.get('/pipelines/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPipeline } } }, async (request) =>
    getPipeline(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/pipelines/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdatePipelineInput, response: { 200: ZPipeline } } },
    async (request) => updatePipeline(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/pipelines/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deletePipeline(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get(
    '/pipelines/:id/board',
    { schema: { tags, params: ZIdParams, querystring: ZPipelineBoardQuery, response: { 200: ZPipelineBoard } } },
    async (request) => pipelineBoard(ctxOf(db, request), request.params.id, request.query),
  );

  api.get('/deals', { schema: { tags, querystring: ZDealListQuery, response: { 200: ZDealList } } }, async (request) =>
    listDeals(ctxOf(db, request), request.query),
  );
  api.post('/deals', { schema: { tags, body: ZCreateDealInput, response: { 201: ZDeal } } }, async (request, reply) =>
    reply.status(201).send(await createDeal(ctxOf(db, request), request.body)),
  );
  api.get('/deals/:id', { schema: { tags, params: ZIdParams, response: { 200: ZDeal } } }, async (request) =>
    getDeal(ctxOf(db, request), request.params.id),
  );
  api.patch('/deals/:id', { schema: { tags, params: ZIdParams, body: ZUpdateDealInput, response: { 200: ZDeal } } }, async (request) =>
    updateDeal(ctxOf(db, request), request.params.id, request.body),
  );
  api.post('/deals/:id/move', { schema: { tags, params: ZIdParams, body: ZMoveDealInput, response: { 200: ZDeal } } }, async (request) =>
    moveDeal(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/deals/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteDeal(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/deals/:id/stages', { schema: { tags, params: ZIdParams, response: { 200: ZDealStageHistory } } }, async (request) =>
    dealStageHistory(ctxOf(db, request), request.params.id),
  );
  api.get(
    '/deals/:id/timeline',
    { schema: { tags: ['timeline'], params: ZIdParams, querystring: ZDealTimelineQuery, response: { 200: ZTimeline } } },
    async (request) => dealTimeline(ctxOf(db, request), request.params.id, request.query),
  );
}
