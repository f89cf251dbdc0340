import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Staff read, moderate and answer customers' ideas (`/api/v1/ideas`) and see the moderation queue. */
export async function ideaRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
