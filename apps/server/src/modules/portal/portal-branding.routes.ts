import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The portal's look for a workspace, read before signing in: name, title, colour and logo (`/api/portal/branding/:workspace`). */
export async function portalBrandingRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
