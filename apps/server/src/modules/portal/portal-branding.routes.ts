import { ZPortalBranding, ZPortalBrandingParams } from '@clientela/contract';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../http/errors.ts';
import { type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { workspaces } from '../workspaces/index.ts';

/** The portal's look for a workspace, read before signing in: name, title, colour and logo (`/api/portal/branding/:workspace`). */
export async function portalBrandingRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['portal'];
  const config = { portalPublic: true };
  api.get(
    '/branding/:workspace',
    { config, schema: { tags, params: ZPortalBrandingParams, response: { 200: ZPortalBranding } } },
    async (request) => {
      const [row] = await db
        .select({
          slug: workspaces.slug,
          name: workspaces.name,
          title: workspaces.portalTitle,
          color: workspaces.portalColor,
          hasLogo: sql<boolean>`${workspaces.logo} IS NOT NULL`,
        })
        .from(workspaces)
        .where(eq(workspaces.slug, request.params.workspace.toLowerCase()));
      if (!row) throw notFound('workspace');
      return { ...row, title: row.title || row.name };
    },
  );
  api.get('/branding/:workspace/logo', { config, schema: { tags, params: ZPortalBrandingParams } }, async (request, reply) => {
    const [row] = await db
      .select({ data: workspaces.logo, type: workspaces.logoType })
      .from(workspaces)
      .where(eq(workspaces.slug, request.params.workspace.toLowerCase()));
    if (!row?.data || !row.type) throw notFound('logo');
    // Public and the same for everyone: browsers and proxies may keep it a while.
    return reply
      .header('content-type', row.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(row.data);
  });
}
