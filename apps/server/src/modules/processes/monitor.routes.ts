import {
  ZIdParams,
  ZProcessInstanceDetail,
  ZProcessInstanceList,
  ZProcessInstanceListQuery,
  ZProcessStatistics,
  ZProcessStatisticsQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { findProcessInstance, findProcessInstances, findProcessStatistics } from './monitor.service.ts';

/** Watching processes: instances with their steps, stuck ones, and per-process statistics. */
export async function processMonitorRoutes(app: FastifyInstance, { db, clock }: ModuleOptions) {
  const api = typed(app);
  const tags = ['processes'];
  api.get(
    '/process-instances',
    { schema: { tags, querystring: ZProcessInstanceListQuery, response: { 200: ZProcessInstanceList } } },
    async (request) => findProcessInstances(ctxOf(db, request), request.query, clock.now()),
  );
  api.get('/process-instances/:id', { schema: { tags, params: ZIdParams, response: { 200: ZProcessInstanceDetail } } }, async (request) =>
    findProcessInstance(ctxOf(db, request), request.params.id, clock.now()),
  );
  api.get(
    '/process-definitions/:id/statistics',
    { schema: { tags, params: ZIdParams, querystring: ZProcessStatisticsQuery, response: { 200: ZProcessStatistics } } },
    async (request) =>
      findProcessStatistics(ctxOf(db, request), request.params.id, request.query, request.signedIn?.user.timeZone ?? 'UTC', clock.now()),
  );
}
