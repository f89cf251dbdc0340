import type { TUpdateWorkspaceSettingsInput, TWorkspaceSettings } from '@clientela/contract';
import { ZUpdateWorkspaceSettingsInput, ZWorkspaceSettings } from '@clientela/contract';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { isSupportedCountry } from 'libphonenumber-js';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { workspaces } from './workspaces.table.ts';

export async function workspaceSettings(ctx: Ctx): Promise<TWorkspaceSettings> {
  const [row] = await ctx.db
    .select({ id: workspaces.id, name: workspaces.name, defaultCountry: workspaces.defaultCountry })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  if (!row) throw notFound('workspace');
  return row;
}

/** Admins change the workspace's name and default phone country. */
export async function updateWorkspaceSettings(ctx: Ctx, input: TUpdateWorkspaceSettingsInput): Promise<TWorkspaceSettings> {
  if (ctx.actor.role !== 'admin') throw new AppError('forbidden', 'Only an administrator changes the workspace settings');
  if (input.defaultCountry && !isSupportedCountry(input.defaultCountry)) {
    throw new AppError('validation_failed', 'Unknown country', { errors: [{ path: 'defaultCountry', message: 'Unknown country' }] });
  }
  await ctx.db
    .update(workspaces)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {}),
    })
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return workspaceSettings(ctx);
}

export async function workspaceRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['workspace'];
  api.get('/workspace', { schema: { tags, response: { 200: ZWorkspaceSettings } } }, async (request) =>
    workspaceSettings(ctxOf(db, request)),
  );
  api.patch(
    '/workspace',
    { schema: { tags, body: ZUpdateWorkspaceSettingsInput, response: { 200: ZWorkspaceSettings } } },
    async (request) => updateWorkspaceSettings(ctxOf(db, request), request.body),
  );
}
