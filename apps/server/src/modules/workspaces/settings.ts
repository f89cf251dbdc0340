import type { TWorkspaceSettings } from '@clientela/contract';
import { WORKSPACE_LOGO_MAX_BYTES, ZUpdateWorkspaceSettingsInput, ZWorkspaceSettings } from '@clientela/contract';
import multipart from '@fastify/multipart';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { isSupportedCountry } from 'libphonenumber-js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { LOGO_MAX_SIDE, logoTypeOf } from './logo.ts';
import { workspaces } from './workspaces.table.ts';

type UpdateInput = z.output<typeof ZUpdateWorkspaceSettingsInput>;

export async function workspaceSettings(ctx: Ctx): Promise<TWorkspaceSettings> {
  const [row] = await ctx.db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      defaultCountry: workspaces.defaultCountry,
      legalName: workspaces.legalName,
      address: workspaces.address,
      taxNumber: workspaces.taxNumber,
      phone: workspaces.phone,
      email: workspaces.email,
      website: workspaces.website,
      hasLogo: sql<boolean>`${workspaces.logo} IS NOT NULL`,
      portalTitle: workspaces.portalTitle,
      portalColor: workspaces.portalColor,
      auditRetentionDays: workspaces.auditRetentionDays,
    })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  if (!row) throw notFound('workspace');
  return row;
}

function mustBeAdmin(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw new AppError('forbidden', 'Only an administrator changes the workspace settings');
}

const LETTERHEAD = ['legalName', 'address', 'taxNumber', 'phone', 'email', 'website', 'portalTitle', 'portalColor'] as const;

/** Admins change the workspace's name, default phone country, the letterhead of its quotes and the portal's look. */
export async function updateWorkspaceSettings(ctx: Ctx, raw: z.input<typeof ZUpdateWorkspaceSettingsInput>): Promise<TWorkspaceSettings> {
  mustBeAdmin(ctx);
  const input: UpdateInput = ZUpdateWorkspaceSettingsInput.parse(raw);
  if (input.defaultCountry && !isSupportedCountry(input.defaultCountry)) {
    throw new AppError('validation_failed', 'Unknown country', { errors: [{ path: 'defaultCountry', message: 'Unknown country' }] });
  }
  const letterhead = Object.fromEntries(LETTERHEAD.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]));
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {}),
    ...(input.auditRetentionDays !== undefined ? { auditRetentionDays: input.auditRetentionDays } : {}),
    ...letterhead,
  };
  // Nothing sent, nothing to write (an empty SET is no SQL).
  if (Object.keys(changes).length > 0) await ctx.db.update(workspaces).set(changes).where(eq(workspaces.id, ctx.actor.workspaceId));
  return workspaceSettings(ctx);
}

/** Keeps a new logo (admins): a PNG or a JPEG, told by its first bytes, whatever its name or declared type. */
export async function putWorkspaceLogo(ctx: Ctx, logo: Buffer): Promise<TWorkspaceSettings> {
  mustBeAdmin(ctx);
  if (logo.length === 0)
    throw new AppError('validation_failed', 'The file is empty', { errors: [{ path: 'file', message: 'Empty file' }] });
  const logoType = logoTypeOf(logo);
  if (!logoType)
    throw new AppError('unsupported_media_type', `The logo must be a readable PNG or JPEG image, at most ${LOGO_MAX_SIDE} pixels a side`, {
      errors: [{ path: 'file', message: 'Not a PNG or JPEG image' }],
    });
  await ctx.db.update(workspaces).set({ logo, logoType }).where(eq(workspaces.id, ctx.actor.workspaceId));
  return workspaceSettings(ctx);
}

/** Removes the logo (admins); the letterhead keeps its text. */
export async function deleteWorkspaceLogo(ctx: Ctx): Promise<void> {
  mustBeAdmin(ctx);
  await ctx.db.update(workspaces).set({ logo: null, logoType: null }).where(eq(workspaces.id, ctx.actor.workspaceId));
}

/** The workspace's logo and its media type, or none. */
export async function workspaceLogo(db: Executor, workspaceId: string): Promise<{ data: Buffer; type: string } | null> {
  const [row] = await db
    .select({ data: workspaces.logo, type: workspaces.logoType })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.data && row.type ? { data: row.data, type: row.type } : null;
}

/** What a document sent to customers prints at its top: the company's name, address and contacts, and its logo. */
export type Letterhead = {
  name: string;
  legalName: string | null;
  address: string | null;
  taxNumber: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  logo: Buffer | null;
};

/** The letterhead of a workspace, for its documents (quote PDFs). */
export async function letterheadOf(db: Executor, workspaceId: string): Promise<Letterhead> {
  const [row] = await db
    .select({
      name: workspaces.name,
      legalName: workspaces.legalName,
      address: workspaces.address,
      taxNumber: workspaces.taxNumber,
      phone: workspaces.phone,
      email: workspaces.email,
      website: workspaces.website,
      logo: workspaces.logo,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return row;
}

export async function workspaceRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  // Over the limit, reading the file throws FST_REQ_FILE_TOO_LARGE, answered as 413 `payload_too_large`.
  await app.register(multipart, { limits: { fileSize: WORKSPACE_LOGO_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
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
  api.put(
    '/workspace/logo',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZWorkspaceSettings } } },
    async (request) => {
      const ctx = ctxOf(db, request);
      mustBeAdmin(ctx);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the logo as multipart/form-data');
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'No file', { errors: [{ path: 'file', message: 'Required' }] });
      return putWorkspaceLogo(ctx, await file.toBuffer());
    },
  );
  api.delete('/workspace/logo', { schema: { tags } }, async (request, reply) => {
    await deleteWorkspaceLogo(ctxOf(db, request));
    return reply.status(204).send();
  });
  api.get('/workspace/logo', { schema: { tags } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const logo = await workspaceLogo(ctx.db, ctx.actor.workspaceId);
    if (!logo) throw notFound('logo');
    return reply
      .header('content-type', logo.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-cache')
      .send(logo.data);
  });
}
