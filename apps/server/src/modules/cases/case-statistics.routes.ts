import { ZCaseStatistics, ZCaseStatisticsQuery } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { casePolicy } from './cases.policy.ts';
import { caseStatistics } from './statistics.ts';

/** `/case-statistics`: cases by a dimension, compared with the previous period and a year before. */
export async function caseStatisticsRoutes(app: FastifyInstance, { db, clock }: ModuleOptions) {
  const api = typed(app);
  api.get(
    '/case-statistics',
    { schema: { tags: ['cases'], querystring: ZCaseStatisticsQuery, response: { 200: ZCaseStatistics } } },
    async (request) => {
      const ctx = ctxOf(db, request);
      await casePolicy.authorize(ctx.actor, 'read');
      return caseStatistics(ctx, request.query, clock.now());
    },
  );
}
