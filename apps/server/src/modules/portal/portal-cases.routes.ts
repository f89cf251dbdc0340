import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The customer's cases and the public knowledge base in the portal (`/api/portal/cases`, `/api/portal/kb`). */
export async function portalCaseRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
