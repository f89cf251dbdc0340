import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Staff manage customers' portal accounts: invite, resend, disable (`/api/v1/portal-users`). */
export async function portalUserRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
