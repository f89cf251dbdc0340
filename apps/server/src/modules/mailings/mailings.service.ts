import {
  RECIPIENT_STATUSES,
  type TMailing,
  type TMailingInput,
  type TMailingListQuery,
  type TMailingRecipientQuery,
  type TMailingStatus,
  type TRecipientCounts,
  type TUpdateMailingInput,
} from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { mailingPolicy } from './mailings.policy.ts';
import { mailings } from './mailings.table.ts';

type MailingRow = {
  id: string;
  name: string;
  status: TMailingStatus;
  template_id: string;
  template_name: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  view_id: string | null;
  view_name: string | null;
  view_entity: 'company' | 'contact' | null;
  list_id: string | null;
  list_name: string | null;
  list_entity: 'company' | 'contact' | null;
  per_minute: number;
  track_opens: boolean;
  track_clicks: boolean;
  total: number;
  counts: Record<string, number> | null;
  opened: number;
  clicked: number;
  queued_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_by_id: string;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const UNSETTLED = new Set(['queued', 'sending']);

function present(row: MailingRow): TMailing {
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, row.counts?.[s] ?? 0])) as TRecipientCounts;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const settled = Object.entries(counts).reduce((sum, [status, n]) => (UNSETTLED.has(status) ? sum : sum + n), 0);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    template: { id: row.template_id, name: row.template_name ?? '' },
    campaign: row.campaign_id ? { id: row.campaign_id, name: row.campaign_name ?? '' } : null,
    view: row.view_id && row.view_entity ? { id: row.view_id, name: row.view_name ?? '', entity: row.view_entity } : null,
    list: row.list_id && row.list_entity ? { id: row.list_id, name: row.list_name ?? '', entity: row.list_entity } : null,
    perMinute: row.per_minute,
    trackOpens: row.track_opens,
    trackClicks: row.track_clicks,
    total: row.total,
    counts,
    opened: row.opened,
    clicked: row.clicked,
    progress: all === 0 ? (row.status === 'done' ? 1 : 0) : settled / all,
    queuedAt: iso(row.queued_at),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    createdBy: { id: row.created_by_id, name: row.created_by_name ?? '' },
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

/** Mailings with their names of things and recipient counts, matching a condition on `m`. */
async function selectMailings(db: Executor, where: SQL, limit: number): Promise<MailingRow[]> {
  const { rows } = await db.execute<MailingRow>(sql`
    SELECT m.id, m.name, m.status, m.template_id, t.name AS template_name, m.campaign_id, c.name AS campaign_name,
      m.view_id, v.name AS view_name, v.entity AS view_entity, m.list_id, l.name AS list_name, l.entity AS list_entity,
      m.per_minute, m.track_opens, m.track_clicks, m.total, m.queued_at, m.started_at, m.finished_at,
      m.created_by_id, u.name AS created_by_name, m.created_at, m.updated_at,
      r.counts, coalesce(r.opened, 0)::int AS opened, coalesce(r.clicked, 0)::int AS clicked
    FROM mailing m
    LEFT JOIN mail_template t ON t.workspace_id = m.workspace_id AND t.id = m.template_id
    LEFT JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id
    LEFT JOIN saved_view v ON v.workspace_id = m.workspace_id AND v.id = m.view_id
    LEFT JOIN static_list l ON l.workspace_id = m.workspace_id AND l.id = m.list_id
    LEFT JOIN app_user u ON u.workspace_id = m.workspace_id AND u.id = m.created_by_id
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(s.status, s.n) AS counts, sum(s.opened) AS opened, sum(s.clicked) AS clicked
      FROM (
        SELECT status, count(*)::int AS n, count(opened_at) AS opened, count(clicked_at) AS clicked
        FROM mailing_recipient WHERE workspace_id = m.workspace_id AND mailing_id = m.id GROUP BY status
      ) s
    ) r ON true
    WHERE ${where}
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${limit}`);
  return rows;
}

const encode = (row: { created_at: Date; id: string }) =>
  Buffer.from(JSON.stringify([new Date(row.created_at).toISOString(), row.id])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      if (/^[0-9a-f-]{36}$/i.test(value[1])) return [value[0], value[1]];
    }
  } catch {}
  throw new AppError('validation_failed', 'The cursor is not valid', {
    errors: [{ path: 'cursor', message: 'Not a cursor of this list' }],
  });
}

/** Mailings, newest first, with their recipient counts. */
export async function listMailings(ctx: Ctx, query: TMailingListQuery) {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const ws = ctx.actor.workspaceId;
  const filters = [
    sql`m.workspace_id = ${ws}`,
    query.status ? sql`m.status = ${query.status}` : undefined,
    query.campaignId ? sql`m.campaign_id = ${query.campaignId}` : undefined,
  ].filter((f): f is SQL => Boolean(f));
  const after = query.cursor ? decode(query.cursor) : null;
  const page = await selectMailings(
    ctx.db,
    sql.join(after ? [...filters, sql`(m.created_at, m.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`] : filters, sql` AND `),
    query.limit + 1,
  );
  const { rows } = await ctx.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM mailing m WHERE ${sql.join(filters, sql` AND `)}`,
  );
  const more = page.length > query.limit;
  const data = page.slice(0, query.limit);
  const last = data.at(-1);
  return { data: data.map(present), nextCursor: more && last ? encode(last) : null, total: rows[0]?.n ?? 0 };
}

/** One mailing with its counts and progress. */
export async function getMailing(ctx: Ctx, id: string): Promise<TMailing> {
  await mailingPolicy.authorize(ctx.actor, 'read');
  return readMailing(ctx.db, ctx.actor.workspaceId, id);
}

export async function readMailing(db: Executor, workspaceId: string, id: string): Promise<TMailing> {
  const [row] = await selectMailings(db, sql`m.workspace_id = ${workspaceId} AND m.id = ${id}`, 1);
  if (!row) throw notFound('mailing');
  return present(row);
}

/** The template, campaign, view and list a mailing names must exist in the workspace (views and lists: visible to the actor). */
async function checkReferences(ctx: Ctx, db: Executor, input: TUpdateMailingInput) {
  const ws = ctx.actor.workspaceId;
  const me = ctx.actor.userId;
  const checks: [string, string | null | undefined, SQL][] = [
    [
      'templateId',
      input.templateId,
      sql`SELECT 1 FROM mail_template WHERE workspace_id = ${ws} AND id = ${input.templateId ?? null} AND deleted_at IS NULL`,
    ],
    ['campaignId', input.campaignId, sql`SELECT 1 FROM campaign WHERE workspace_id = ${ws} AND id = ${input.campaignId ?? null}`],
    [
      'viewId',
      input.viewId,
      sql`SELECT 1 FROM saved_view WHERE workspace_id = ${ws} AND id = ${input.viewId ?? null} AND (owner_id = ${me} OR shared)`,
    ],
    [
      'listId',
      input.listId,
      sql`SELECT 1 FROM static_list WHERE workspace_id = ${ws} AND id = ${input.listId ?? null} AND (owner_id = ${me} OR shared)`,
    ],
  ];
  const errors = [];
  for (const [path, value, query] of checks) {
    if (!value) continue;
    const { rows } = await db.execute(query);
    if (rows.length === 0) errors.push({ path, message: 'Not found' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Some records do not exist', { errors });
}

/** Creates a draft mailing. */
export async function createMailing(ctx: Ctx, input: TMailingInput): Promise<TMailing> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  await checkReferences(ctx, ctx.db, input);
  const [row] = await ctx.db
    .insert(mailings)
    .values({
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      templateId: input.templateId,
      campaignId: input.campaignId ?? null,
      viewId: input.viewId ?? null,
      listId: input.listId ?? null,
      ...(input.perMinute !== undefined ? { perMinute: input.perMinute } : {}),
      trackOpens: input.trackOpens ?? false,
      trackClicks: input.trackClicks ?? false,
      createdById: ctx.actor.userId,
    })
    .returning({ id: mailings.id });
  return readMailing(ctx.db, ctx.actor.workspaceId, (row as { id: string }).id);
}

/** Locks a mailing for a change of its own; 404 when another workspace's or missing. */
export async function lockMailing(tx: Executor, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(mailings)
    .where(and(eq(mailings.workspaceId, workspaceId), eq(mailings.id, id)))
    .for('update');
  if (!row) throw notFound('mailing');
  return row;
}

/** Changes a draft (only drafts change). */
export async function updateMailing(ctx: Ctx, id: string, input: TUpdateMailingInput): Promise<TMailing> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  await ctx.db.transaction(async (tx) => {
    const row = await lockMailing(tx, ctx.actor.workspaceId, id);
    if (row.status !== 'draft') throw new AppError('invalid_transition', 'Only a draft mailing can be changed');
    await checkReferences(ctx, tx, input);
    const viewId = input.viewId !== undefined ? input.viewId : input.listId ? null : row.viewId;
    const listId = input.listId !== undefined ? input.listId : input.viewId ? null : row.listId;
    if (!viewId === !listId) {
      throw new AppError('validation_failed', 'Choose a saved view or a static list', {
        errors: [{ path: 'viewId', message: 'Choose a saved view or a static list' }],
      });
    }
    await tx
      .update(mailings)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.templateId !== undefined ? { templateId: input.templateId } : {}),
        ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
        viewId,
        listId,
        ...(input.perMinute !== undefined ? { perMinute: input.perMinute } : {}),
        ...(input.trackOpens !== undefined ? { trackOpens: input.trackOpens } : {}),
        ...(input.trackClicks !== undefined ? { trackClicks: input.trackClicks } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(mailings.workspaceId, ctx.actor.workspaceId), eq(mailings.id, id)));
  });
  return readMailing(ctx.db, ctx.actor.workspaceId, id);
}

/** Deletes a draft. */
export async function deleteMailing(ctx: Ctx, id: string): Promise<void> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  await ctx.db.transaction(async (tx) => {
    const row = await lockMailing(tx, ctx.actor.workspaceId, id);
    if (row.status !== 'draft') throw new AppError('invalid_transition', 'Only a draft mailing can be deleted; cancel it instead');
    await tx.delete(mailings).where(and(eq(mailings.workspaceId, ctx.actor.workspaceId), eq(mailings.id, id)));
  });
}

/** A mailing's recipients with their fate, in contact order, keyset-paged. */
export async function listRecipients(ctx: Ctx, id: string, query: TMailingRecipientQuery) {
  await mailingPolicy.authorize(ctx.actor, 'read');
  const ws = ctx.actor.workspaceId;
  const { rows: found } = await ctx.db.execute(sql`SELECT 1 FROM mailing WHERE workspace_id = ${ws} AND id = ${id}`);
  if (found.length === 0) throw notFound('mailing');
  if (query.cursor && !/^[0-9a-f-]{36}$/i.test(query.cursor)) {
    throw new AppError('validation_failed', 'The cursor is not valid', {
      errors: [{ path: 'cursor', message: 'Not a cursor of this list' }],
    });
  }
  const filters = [sql`r.workspace_id = ${ws}`, sql`r.mailing_id = ${id}`];
  if (query.status) filters.push(sql`r.status = ${query.status}`);
  const where = sql.join(filters, sql` AND `);
  // Recipients stay counted, but a contact the reader may not read shows neither name nor address.
  const readable = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  const { rows } = await ctx.db.execute<{
    readable: boolean;
    contact_id: string;
    name: string;
    email: string | null;
    status: (typeof RECIPIENT_STATUSES)[number];
    attempts: number;
    error: string | null;
    sent_at: Date | null;
    opened_at: Date | null;
    clicked_at: Date | null;
  }>(sql`
    SELECT r.contact_id, contact.name, r.email, r.status, r.attempts, r.error, r.sent_at, r.opened_at, r.clicked_at,
      coalesce(${readable}, false) AS readable
    FROM mailing_recipient r JOIN contact ON contact.workspace_id = r.workspace_id AND contact.id = r.contact_id
    WHERE ${where} ${query.cursor ? sql`AND r.contact_id > ${query.cursor}::uuid` : sql``}
    ORDER BY r.contact_id LIMIT ${query.limit + 1}`);
  const { rows: counted } = await ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mailing_recipient r WHERE ${where}`);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => ({
      contact: { id: r.contact_id, name: r.readable ? r.name : '' },
      email: r.readable ? r.email : null,
      status: r.status,
      attempts: r.attempts,
      error: r.error,
      sentAt: iso(r.sent_at),
      openedAt: iso(r.opened_at),
      clickedAt: iso(r.clicked_at),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.contact_id ?? null) : null,
    total: counted[0]?.n ?? 0,
  };
}
