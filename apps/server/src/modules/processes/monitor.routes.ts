import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Watching processes: instances with their steps, stuck ones, and per-process statistics. */
export async function processMonitorRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
