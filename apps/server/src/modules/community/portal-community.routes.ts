import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Customers ask and answer questions in the portal (`/api/portal/community-questions`). */
export async function portalCommunityRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
