import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../../http/route-helpers.ts';

/** SLA policies and working calendars: `/sla-policies`, `/working-calendars`. */
export async function slaRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
