import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The customer's orders, quotes, surveys to answer and dedicated manager (`/api/portal/orders`, `/quotes`, `/surveys`, `/manager`). */
export async function portalDocumentRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
