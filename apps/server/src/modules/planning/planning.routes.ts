import {
  ZForecast,
  ZForecastQuery,
  ZPlanGrid,
  ZPlansQuery,
  ZPlanTargets,
  ZPlanTargetsQuery,
  ZSavePlansInput,
  ZSavePlansResult,
} from '@clientela/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { findForecast } from './find-forecast.ts';
import { findPlans } from './find-plans.ts';
import { findPlanTargets } from './plan-targets.ts';
import { savePlans } from './save-plans.ts';

/** The reader's calendar decides which month is the current one. */
const zoneOf = (request: FastifyRequest) => request.signedIn?.user.timeZone ?? 'UTC';

/** Sales plans per month and target, and the forecast against them with its backtest. */
export async function planningRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['plans'];
  api.get('/plans', { schema: { tags, querystring: ZPlansQuery, response: { 200: ZPlanGrid } } }, async (request) =>
    findPlans(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
  api.put('/plans', { schema: { tags, body: ZSavePlansInput, response: { 200: ZSavePlansResult } } }, async (request) =>
    savePlans(ctxOf(db, request), request.body),
  );
  api.get('/plans/targets', { schema: { tags, querystring: ZPlanTargetsQuery, response: { 200: ZPlanTargets } } }, async (request) =>
    findPlanTargets(ctxOf(db, request), request.query),
  );
  api.get('/forecasts', { schema: { tags: ['reports'], querystring: ZForecastQuery, response: { 200: ZForecast } } }, async (request) =>
    findForecast(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
}
