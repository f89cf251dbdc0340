import { ZKpiBoard, ZKpiQuery, ZKpiSeries, ZKpiSeriesQuery } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { type ModuleOptions, readCtxOf, typed } from '../../http/route-helpers.ts';
import { kpiBoard } from './kpi-board.ts';
import { kpiSeries } from './kpi-series.ts';

/** The routes of the dashboards and their KPI board. */
export async function analyticsRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['dashboards'];
  api.get('/dashboards/kpi', { schema: { tags, querystring: ZKpiQuery, response: { 200: ZKpiBoard } } }, async (request) =>
    kpiBoard(readCtxOf(db, request), request.query),
  );
  api.get('/dashboards/kpi/series', { schema: { tags, querystring: ZKpiSeriesQuery, response: { 200: ZKpiSeries } } }, async (request) =>
    kpiSeries(readCtxOf(db, request), request.query),
  );
}
