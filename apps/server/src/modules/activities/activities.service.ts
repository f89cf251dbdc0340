import {
  ACTIVITY_FIELDS_OF,
  type TActivity,
  type TActivityListQuery,
  type TActivityType,
  type TCreateActivityInput,
  type TUpdateActivityInput,
  ZCreateActivityInput,
  ZUpdateActivityInput,
} from '@clientela/contract';
import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { afterCursor, EXACT_COUNT_LIMIT, encodeCursor, type Keyset } from '../../lib/pagination.ts';
import { scopeOf } from '../authz/index.ts';
import { assertReadableDeals, readableDealRefs } from '../deals/index.ts';
import { users } from '../users/index.ts';
import { activityPolicy } from './activities.policy.ts';
import { activities, activityLinks } from './activities.table.ts';
import { refreshLastContact } from './last-contact.ts';
import { assertReadable, readableEntitySql, readableRecords } from './records.ts';
import { sanitiseRichText } from './rich-text.ts';

type ActivityRow = typeof activities.$inferSelect;
export type LinkRef = { activityId: string; entityType: 'company' | 'contact' | 'deal'; entityId: string };
type LinkIds = { company: readonly string[]; contact: readonly string[]; deal: readonly string[] };
const LINK_TYPES = ['company', 'contact', 'deal'] as const;
const TYPE_FIELDS = ['direction', 'outcome', 'durationMinutes', 'place', 'participants'] as const;
const KEYSET: Keyset = { name: 'occurredAt', field: { column: activities.occurredAt, cast: 'timestamptz' }, direction: 'desc' };

/** Fields sent for a type that has no such field (an outcome for a note): each named in the error. */
function typeFieldErrors(type: TActivityType, input: Partial<Record<(typeof TYPE_FIELDS)[number], unknown>>): FieldError[] {
  const allowed: readonly string[] = ACTIVITY_FIELDS_OF[type];
  return TYPE_FIELDS.filter((field) => input[field] != null && !allowed.includes(field)).map((field) => ({
    path: field,
    message: `A ${type} has no ${field}`,
  }));
}

/** The type-specific columns as they will be stored: those of another type are emptied. */
function typeFields(type: TActivityType, values: Partial<Pick<ActivityRow, (typeof TYPE_FIELDS)[number]>>) {
  const allowed: readonly string[] = ACTIVITY_FIELDS_OF[type];
  return Object.fromEntries(TYPE_FIELDS.map((field) => [field, allowed.includes(field) ? (values[field] ?? null) : null])) as Pick<
    ActivityRow,
    (typeof TYPE_FIELDS)[number]
  >;
}

/** Replaces the activity's links (a new activity has none to remove) and answers the links it now has. */
async function setLinks(tx: Executor, row: ActivityRow, ids: LinkIds, isNew = false): Promise<LinkRef[]> {
  if (!isNew) {
    await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, row.workspaceId), eq(activityLinks.activityId, row.id)));
  }
  const links = LINK_TYPES.flatMap((entityType) => [...new Set(ids[entityType])].map((entityId) => ({ entityType, entityId })));
  await tx.insert(activityLinks).values(
    links.map((link) => ({
      ...link,
      workspaceId: row.workspaceId,
      activityId: row.id,
      occurredAt: row.occurredAt,
      activityType: row.type,
      authorId: row.authorId,
    })),
  );
  return links.map((link) => ({ ...link, activityId: row.id }));
}

async function linksOf(db: Executor, workspaceId: string, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select()
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, workspaceId), inArray(activityLinks.activityId, [...activityIds])));
}

/** Activities as the API shows them: links the reader may not see are left out. */
export async function presentActivities(
  ctx: Ctx,
  db: Executor,
  rows: readonly ActivityRow[],
  /** The rows' links when the caller read them with the rows. */
  preloaded?: readonly LinkRef[],
): Promise<TActivity[]> {
  const workspaceId = ctx.actor.workspaceId;
  const links =
    preloaded ??
    (await linksOf(
      db,
      workspaceId,
      rows.map((r) => r.id),
    ));
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const [records, deals, authors] = await Promise.all([
    readableRecords(ctx, db, {
      company: links.filter((l) => l.entityType === 'company').map((l) => l.entityId),
      contact: links.filter((l) => l.entityType === 'contact').map((l) => l.entityId),
    }),
    readableDealRefs(
      ctx,
      db,
      links.filter((l) => l.entityType === 'deal').map((l) => l.entityId),
    ),
    authorIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, authorIds))),
  ]);
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  const rights = await Promise.all(
    rows.map(async (row) => {
      const ref = { ownerId: row.authorId, unitId: row.unitId };
      return {
        mayChange: await activityPolicy.can(ctx.actor, 'update', ref),
        mayDelete: await activityPolicy.can(ctx.actor, 'delete', ref),
      };
    }),
  );
  return rows.map((row, i) => ({
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    direction: row.direction,
    outcome: row.outcome,
    place: row.place,
    participants: row.participants,
    followUpAt: row.followUpAt?.toISOString() ?? null,
    links: links
      .filter((l) => l.activityId === row.id && l.entityType !== 'deal')
      .flatMap((l) => records.get(l.entityId) ?? [])
      .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'company' ? -1 : 1)),
    deals: links
      .filter((l) => l.activityId === row.id && l.entityType === 'deal')
      .flatMap((l) => {
        const deal = deals.get(l.entityId);
        return deal ? [{ id: deal.id, title: deal.title }] : [];
      })
      .sort((a, b) => a.title.localeCompare(b.title)),
    author: authorName.has(row.authorId) ? { id: row.authorId, name: authorName.get(row.authorId) as string } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    mayChange: rights[i]?.mayChange ?? false,
    mayDelete: rights[i]?.mayDelete ?? false,
  }));
}

/** SQL: the activity is the actor's own, or about a record the actor may read. */
export async function visibleActivity(ctx: Ctx): Promise<SQL> {
  // Who reads every company, contact and deal (an admin) reads every activity.
  if ((['companies', 'contacts', 'deals'] as const).every((what) => scopeOf(ctx.actor, what, 'read') === 'all')) return sql`true`;
  const readable = await readableEntitySql(ctx, sql`${activityLinks.entityId}`);
  return sql`(${activities.authorId} = ${ctx.actor.userId} OR EXISTS (SELECT 1 FROM ${activityLinks}
    WHERE ${activityLinks.workspaceId} = ${activities.workspaceId} AND ${activityLinks.activityId} = ${activities.id} AND ${readable}))`;
}

async function findVisible(ctx: Ctx, db: Executor, id: string, lock = false): Promise<ActivityRow> {
  const query = db
    .select()
    .from(activities)
    .where(and(eq(activities.workspaceId, ctx.actor.workspaceId), eq(activities.id, id), await visibleActivity(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('activity');
  return row;
}

export async function getActivity(ctx: Ctx, id: string): Promise<TActivity> {
  const [activity] = await presentActivities(ctx, ctx.db, [await findVisible(ctx, ctx.db, id)]);
  return activity as TActivity;
}

const noLinkError = () =>
  new AppError('validation_failed', 'An activity must be about at least one company, contact or deal', {
    errors: [{ path: 'companyIds', message: 'Choose a company or a contact' }],
  });

/** Logs a call, meeting, visit, e-mail or note about customers and deals the actor may read. */
export async function createActivity(ctx: Ctx, raw: TCreateActivityInput): Promise<TActivity> {
  const input = ZCreateActivityInput.parse(raw);
  const errors = typeFieldErrors(input.type, input);
  if (errors.length > 0) throw new AppError('validation_failed', 'Fields that do not belong to this type', { errors });
  const companyIds = input.companyIds ?? [];
  const contactIds = input.contactIds ?? [];
  const dealIds = input.dealIds ?? [];
  if (companyIds.length + contactIds.length + dealIds.length === 0) throw noLinkError();
  await activityPolicy.authorize(ctx.actor, 'create');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    await assertReadable(ctx, tx, [
      { path: 'companyIds', type: 'company', ids: companyIds },
      { path: 'contactIds', type: 'contact', ids: contactIds },
    ]);
    await assertReadableDeals(ctx, tx, { path: 'dealIds', ids: dealIds });
    const [row] = await tx
      .insert(activities)
      .values({
        workspaceId,
        type: input.type,
        subject: input.subject || null,
        body: sanitiseRichText(input.body),
        ...(input.occurredAt ? { occurredAt: new Date(input.occurredAt) } : {}),
        ...typeFields(input.type, input),
        followUpAt: input.followUpAt ? new Date(input.followUpAt) : null,
        authorId: ctx.actor.userId,
        unitId: ctx.actor.unitId,
      })
      .returning();
    if (!row) throw new Error('activity insert returned nothing');
    const links = await setLinks(tx, row, { company: companyIds, contact: contactIds, deal: dealIds }, true);
    await refreshLastContact(tx, workspaceId, { company: companyIds, contact: contactIds });
    const [activity] = await presentActivities(ctx, tx, [row], links);
    return activity as TActivity;
  });
}

/** Changes an activity; its author, their unit's manager or an admin may. */
export async function updateActivity(ctx: Ctx, id: string, raw: TUpdateActivityInput): Promise<TActivity> {
  const input = ZUpdateActivityInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const row = await findVisible(ctx, tx, id, true);
    await activityPolicy.authorize(ctx.actor, 'update', { ownerId: row.authorId, unitId: row.unitId });
    const type = input.type ?? row.type;
    const errors = typeFieldErrors(type, input);
    if (errors.length > 0) throw new AppError('validation_failed', 'Fields that do not belong to this type', { errors });
    const before = await linksOf(tx, row.workspaceId, [row.id]);
    const idsBefore = (type: LinkRef['entityType']) => before.filter((l) => l.entityType === type).map((l) => l.entityId);
    const [readable, readableDeals] = await Promise.all([
      readableRecords(ctx, tx, { company: idsBefore('company'), contact: idsBefore('contact') }),
      readableDealRefs(ctx, tx, idsBefore('deal')),
    ]);
    // Links to records the editor cannot see are not theirs to drop: sent links replace only the visible ones.
    const hidden = (type: LinkRef['entityType']) =>
      idsBefore(type).filter((id) => !(type === 'deal' ? readableDeals.has(id) : readable.has(id)));
    const sent = { company: input.companyIds, contact: input.contactIds, deal: input.dealIds };
    const next = (type: LinkRef['entityType']) => {
      const ids = sent[type];
      return ids ? [...new Set([...ids, ...hidden(type)])] : idsBefore(type);
    };
    const companyIds = next('company');
    const contactIds = next('contact');
    const dealIds = next('deal');
    if (companyIds.length + contactIds.length + dealIds.length === 0) throw noLinkError();
    // Links newly added must be readable.
    const kept = new Set(before.map((l) => l.entityId));
    const added = (type: LinkRef['entityType']) => sent[type]?.filter((id) => !kept.has(id)) ?? [];
    await assertReadable(ctx, tx, [
      { path: 'companyIds', type: 'company', ids: added('company') },
      { path: 'contactIds', type: 'contact', ids: added('contact') },
    ]);
    await assertReadableDeals(ctx, tx, { path: 'dealIds', ids: added('deal') });
    const merged = { ...row, ...stripUndefined(input) };
    const [updated] = await tx
      .update(activities)
      .set({
        type,
        subject: merged.subject || null,
        body: input.body === undefined ? row.body : sanitiseRichText(input.body),
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : row.occurredAt,
        ...typeFields(type, merged as Partial<ActivityRow>),
        followUpAt: input.followUpAt === undefined ? row.followUpAt : input.followUpAt ? new Date(input.followUpAt) : null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.workspaceId, row.workspaceId), eq(activities.id, row.id)))
      .returning();
    if (!updated) throw notFound('activity');
    const links = await setLinks(tx, updated, { company: companyIds, contact: contactIds, deal: dealIds });
    await refreshLastContact(tx, row.workspaceId, {
      company: [...companyIds, ...before.filter((l) => l.entityType === 'company').map((l) => l.entityId)],
      contact: [...contactIds, ...before.filter((l) => l.entityType === 'contact').map((l) => l.entityId)],
    });
    const [activity] = await presentActivities(ctx, tx, [updated], links);
    return activity as TActivity;
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findVisible(ctx, tx, id, true);
    await activityPolicy.authorize(ctx.actor, 'delete', { ownerId: row.authorId, unitId: row.unitId });
    const links = await linksOf(tx, row.workspaceId, [row.id]);
    await tx.delete(activities).where(and(eq(activities.workspaceId, row.workspaceId), eq(activities.id, row.id)));
    await refreshLastContact(tx, row.workspaceId, {
      company: links.filter((l) => l.entityType === 'company').map((l) => l.entityId),
      contact: links.filter((l) => l.entityType === 'contact').map((l) => l.entityId),
    });
  });
}

/**
 * Activities newest first: the actor's own and those about records they may read; by type,
 * author, record, or follow-up window (the follow-ups due this week).
 */
export async function listActivities(ctx: Ctx, query: TActivityListQuery) {
  const workspaceId = ctx.actor.workspaceId;
  const record = query['filter[companyId]'] ?? query['filter[contactId]'];
  const followUp = query['filter[followUpBefore]'] || query['filter[followUpAfter]'];
  const conditions = [
    eq(activities.workspaceId, workspaceId),
    await visibleActivity(ctx),
    query['filter[type]']?.length ? inArray(activities.type, query['filter[type]']) : undefined,
    query['filter[authorId]'] ? eq(activities.authorId, query['filter[authorId]']) : undefined,
    record
      ? sql`EXISTS (SELECT 1 FROM ${activityLinks} WHERE ${activityLinks.workspaceId} = ${workspaceId}
          AND ${activityLinks.activityId} = ${activities.id} AND ${activityLinks.entityId} = ${record})`
      : undefined,
    query['filter[followUpBefore]'] ? lt(activities.followUpAt, new Date(query['filter[followUpBefore]'])) : undefined,
    query['filter[followUpAfter]'] ? gte(activities.followUpAt, new Date(query['filter[followUpAfter]'])) : undefined,
  ];
  // Follow-ups read in their own order (soonest first); everything else newest first.
  const keyset: Keyset = followUp
    ? { name: 'followUpAt', field: { column: activities.followUpAt, cast: 'timestamptz' }, direction: 'asc' }
    : KEYSET;
  const where = and(...conditions, afterCursor(keyset, activities.id, query.cursor));
  const order = followUp
    ? [sql`${activities.followUpAt} asc`, sql`${activities.id} asc`]
    : [sql`${activities.occurredAt} desc nulls last`, sql`${activities.id} desc nulls last`];
  const rows = await ctx.db
    .select({ row: activities, key: sql<string>`${keyset.field.column}::text` })
    .from(activities)
    .where(where)
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`(SELECT 1 FROM ${activities} WHERE ${and(...conditions)} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`);
  return {
    data: await presentActivities(
      ctx,
      ctx.db,
      page.map((r) => r.row),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.key, last.row.id) : null,
    total: counted?.n ?? 0,
    // Beyond the cap the total is a floor, flagged like the lists' estimates.
    ...((counted?.n ?? 0) > EXACT_COUNT_LIMIT ? { totalIsEstimate: true } : {}),
  };
}
