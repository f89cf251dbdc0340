import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';
import { portalCommunityRoutes } from '../community/portal-community.routes.ts';
import { portalIdeaRoutes } from '../community/portal-ideas.routes.ts';
import { portalAccountRoutes } from './portal-account.routes.ts';
import { portalBrandingRoutes } from './portal-branding.routes.ts';
import { portalCaseRoutes } from './portal-cases.routes.ts';
import { portalDocumentRoutes } from './portal-documents.routes.ts';
import { authenticatePortal } from './portal-session.ts';

/**
 * The customer portal's own API, mounted under `/api/portal`: it accepts only portal sessions
 * (the `clientela_portal` cookie), never a staff session or API token.
 */
export async function portalRoutes(app: FastifyInstance, options: ModuleOptions) {
  app.decorateRequest('portal', null);
  app.decorateRequest('portalSecret', null);
  app.addHook('onRequest', authenticatePortal(options.db));
  for (const routes of [
    portalAccountRoutes,
    portalBrandingRoutes,
    portalCaseRoutes,
    portalDocumentRoutes,
    portalIdeaRoutes,
    portalCommunityRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, options));
  }
}
