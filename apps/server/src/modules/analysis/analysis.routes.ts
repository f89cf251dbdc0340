import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The routes of sales reports and the ABC×XYZ analysis. */
export async function analysisRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
