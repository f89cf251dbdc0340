import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Sales plans per month and target, and the forecast against them with its backtest. */
export async function planningRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
