import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** `/case-statistics`: cases by a dimension, compared with the previous period and a year before. */
export async function caseStatisticsRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
