import { randomBytes } from 'node:crypto';
import type { TCreateWebFormInput, TUpdateWebFormInput, TWebForm } from '@clientela/contract';
import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { campaigns, leadSources } from '../campaigns/campaigns.table.ts';
import { users } from '../users/index.ts';
import { checkLeadRefs } from './lead-writes.ts';
import { webFormPolicy } from './leads.policy.ts';
import { webForms } from './leads.table.ts';
import { embedCode } from './web-form-page.ts';

type WebFormRow = typeof webForms.$inferSelect;

/** A new form's public key: 24 url-safe characters from 144 random bits, so that forms cannot be guessed. */
export function newFormKey(): string {
  return randomBytes(18).toString('base64url');
}

/** The address of a form's page. */
export function formUrl(publicUrl: string, key: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/f/${key}`;
}

const nameOf = (table: typeof users | typeof leadSources | typeof campaigns, id: AnyColumn) =>
  sql<string | null>`(SELECT ${table.name} FROM ${table} WHERE ${table.workspaceId} = ${webForms.workspaceId} AND ${table.id} = ${id})`;

function selectForms(db: Executor) {
  return db
    .select({
      row: webForms,
      ownerName: nameOf(users, webForms.ownerId),
      sourceName: nameOf(leadSources, webForms.sourceId),
      campaignName: nameOf(campaigns, webForms.campaignId),
    })
    .from(webForms);
}

type NamedForm = { row: WebFormRow; ownerName: string | null; sourceName: string | null; campaignName: string | null };

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

function present(ctx: Ctx, publicUrl: string, { row, ownerName, sourceName, campaignName }: NamedForm, mayChange: boolean): TWebForm {
  const url = formUrl(publicUrl, row.key);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    language: row.language,
    fields: row.fields as TWebForm['fields'],
    title: row.title,
    thanks: row.thanks,
    consentText: row.consentText,
    redirectUrl: row.redirectUrl,
    source: ref(row.sourceId, sourceName),
    campaign: ref(row.campaignId, campaignName),
    owner: ref(row.ownerId, ownerName),
    active: row.active,
    submissions: row.submissions,
    publicUrl: url,
    embedCode: embedCode({ ...row, fields: row.fields as TWebForm['fields'] }, url),
    mayChange: mayChange && ctx.actor.workspaceId === row.workspaceId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every web form of the workspace, by name. */
export async function listWebForms(ctx: Ctx, publicUrl: string): Promise<{ data: TWebForm[] }> {
  await webFormPolicy.authorize(ctx.actor, 'read');
  const rows = await selectForms(ctx.db)
    .where(eq(webForms.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(sql`lower(${webForms.name})`), asc(webForms.id));
  const mayChange = await webFormPolicy.can(ctx.actor, 'manage');
  return { data: rows.map((row) => present(ctx, publicUrl, row, mayChange)) };
}

/** One web form of the workspace; 404 for any other. */
export async function getWebForm(ctx: Ctx, publicUrl: string, id: string, db: Executor = ctx.db): Promise<TWebForm> {
  await webFormPolicy.authorize(ctx.actor, 'read');
  const [row] = await selectForms(db).where(and(eq(webForms.workspaceId, ctx.actor.workspaceId), eq(webForms.id, id)));
  if (!row) throw notFound('web form');
  return present(ctx, publicUrl, row, await webFormPolicy.can(ctx.actor, 'manage'));
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value || null);

function formValues(input: TUpdateWebFormInput) {
  return {
    name: input.name,
    language: input.language,
    fields: input.fields,
    title: blankToNull(input.title),
    thanks: blankToNull(input.thanks),
    consentText: blankToNull(input.consentText),
    redirectUrl: blankToNull(input.redirectUrl),
    sourceId: input.sourceId,
    campaignId: input.campaignId,
    ownerId: input.ownerId,
    active: input.active,
  };
}

/** Creates a web form with a fresh random key (managers and admins). */
export async function createWebForm(ctx: Ctx, input: TCreateWebFormInput): Promise<string> {
  await webFormPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await checkLeadRefs(ctx.db, workspaceId, input);
  const [row] = await ctx.db
    .insert(webForms)
    .values({ ...formValues(input), name: input.name, fields: input.fields, workspaceId, key: newFormKey() })
    .returning({ id: webForms.id });
  if (!row) throw new Error('web form insert returned nothing');
  return row.id;
}

/** Changes the fields sent; the key stays, so embedded copies keep working. */
export async function updateWebForm(ctx: Ctx, id: string, input: TUpdateWebFormInput): Promise<void> {
  await webFormPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await checkLeadRefs(ctx.db, workspaceId, input);
  const [row] = await ctx.db
    .update(webForms)
    .set({ ...formValues(input), updatedAt: sql`now()` })
    .where(and(eq(webForms.workspaceId, workspaceId), eq(webForms.id, id)))
    .returning({ id: webForms.id });
  if (!row) throw notFound('web form');
}

/** Removes a web form: its page stops answering; the leads it brought stay (without the link). */
export async function deleteWebForm(ctx: Ctx, id: string): Promise<void> {
  await webFormPolicy.authorize(ctx.actor, 'manage');
  const [row] = await ctx.db
    .delete(webForms)
    .where(and(eq(webForms.workspaceId, ctx.actor.workspaceId), eq(webForms.id, id)))
    .returning({ id: webForms.id });
  if (!row) throw notFound('web form');
}
