import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The routes of contact rhythm rules, compliance and the lists for action. */
export async function rhythmRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
