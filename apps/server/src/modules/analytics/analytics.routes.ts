import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The routes of the dashboards and their KPI board. */
export async function analyticsRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
