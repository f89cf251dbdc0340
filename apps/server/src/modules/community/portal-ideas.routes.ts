import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Customers post ideas, vote and comment in the portal (`/api/portal/ideas`). */
export async function portalIdeaRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
