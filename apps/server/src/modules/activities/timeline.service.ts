import type { TRecordRef, TSystemEvent, TTimeline, TTimelineItem, TTimelineQuery, TTimelineType } from '@clientela/contract';
import { ACTIVITY_TYPES } from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { agreementsOfCustomers, presentAgreements } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { companyGroupPolicy } from '../companies/company-groups.service.ts';
import { companies, companyGroups, companyPolicy } from '../companies/index.ts';
import { recordChanges } from '../history/index.ts';
import { users } from '../users/index.ts';
import { type LinkRef, presentActivities } from './activities.service.ts';
import { activities } from './activities.table.ts';
import { contactsOfCompanies, readableRecords } from './records.ts';

/** What a further source of entries reads its page with: how many rows, past which cursor, whose. */
export type TimelineWindow = {
  workspaceId: string;
  take: number;
  /** SQL: the row comes after the cursor in (at, id) descending order; nothing on the first page. */
  before: (at: SQL, id: SQL) => SQL;
  /** Only what this person did, when the reader filters by person. */
  personId?: string;
};

/** Another kind of entry on a timeline (a deal's tasks, its moves between stages). */
export type TimelineSource = {
  kind: Exclude<TTimelineItem['kind'], 'activity' | 'agreement' | 'system'>;
  /** At most `take` rows `(kind, id, at)` past the cursor, newest first, as one parenthesised SELECT. */
  page: (window: TimelineWindow) => SQL;
  /** The entries of the page's ids. */
  details: (ids: string[]) => Promise<TTimelineItem[]>;
};

/** Whose timeline: the records whose activities and agreements it shows, and whose own changes. */
export type TimelineSubject = {
  /** The companies, contacts or deals whose activities it shows (an activity about several comes once). */
  entityIds: string[];
  /** Which agreements it shows (and their changes), as a condition on the agreement table; null for none. */
  agreements: SQL | null;
  /** The records whose creation, status changes, merges and hand-overs show as system events. */
  own: TRecordRef[];
  sources?: TimelineSource[];
};

/** A timeline's page and filters; a deal's timeline takes other types than a customer's. */
export type TimelineQuery = Pick<TTimelineQuery, 'limit' | 'cursor' | 'filter[personId]'> & { 'filter[type]'?: TTimelineType[] };

const customers = (companyIds: string[], contactIds: string[], own: TRecordRef[]): TimelineSubject => ({
  entityIds: [...companyIds, ...contactIds],
  agreements: companyIds.length + contactIds.length > 0 ? agreementsOfCustomers(companyIds, contactIds) : null,
  own,
});

/** The changes of a record worth a line on its timeline; other field edits stay in its history. */
const SYSTEM_FIELDS = ['status', 'ownerId', 'mergedFrom', 'mergedInto', 'groupId', 'validUntil'];

const uuids = (ids: readonly string[]) =>
  ids.length === 0
    ? sql`ARRAY[]::uuid[]`
    : sql`ARRAY[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`;

/** A company's timeline: its own activities, agreements and changes, and its contacts' activities and agreements. */
export async function companyTimeline(ctx: Ctx, companyId: string, query: TTimelineQuery): Promise<TTimeline> {
  const [readable, contactIds] = await Promise.all([
    readableRecords(ctx, ctx.db, { company: [companyId] }),
    contactsOfCompanies(ctx.db, ctx.actor.workspaceId, [companyId]),
  ]);
  const found = readable.get(companyId);
  if (!found) throw notFound('company');
  return timelineOf(ctx, customers([companyId], contactIds, [found]), query);
}

export async function contactTimeline(ctx: Ctx, contactId: string, query: TTimelineQuery): Promise<TTimeline> {
  const found = (await readableRecords(ctx, ctx.db, { contact: [contactId] })).get(contactId);
  if (!found) throw notFound('contact');
  return timelineOf(ctx, customers([], [contactId], [found]), query);
}

/** A client group's timeline: that of every member company the actor may read. */
export async function groupTimeline(ctx: Ctx, groupId: string, query: TTimelineQuery): Promise<TTimeline> {
  await companyGroupPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const [group] = await ctx.db
    .select({ id: companyGroups.id })
    .from(companyGroups)
    .where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, groupId)));
  if (!group) throw notFound('group');
  const members = await ctx.db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, workspaceId),
        eq(companies.groupId, groupId),
        isNull(companies.deletedAt),
        await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      ),
    );
  const companyIds = members.map((m) => m.id);
  const contactIds = await contactsOfCompanies(ctx.db, workspaceId, companyIds);
  return timelineOf(
    ctx,
    customers(
      companyIds,
      contactIds,
      members.map((m) => ({ type: 'company', id: m.id, name: m.name })),
    ),
    query,
  );
}

type Cursor = { at: string; id: string };
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && TIMESTAMP.test(at) && UUID.test(id)) return { at, id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

/**
 * One page of a timeline, newest first. Each source (activities, agreements, system events, and
 * the subject's own further sources) reads at most a page from its index past the cursor, and
 * one statement merges them; then each kind's details are read for that page only.
 */
export async function timelineOf(ctx: Ctx, subject: TimelineSubject, query: TimelineQuery): Promise<TTimeline> {
  const workspaceId = ctx.actor.workspaceId;
  const types = new Set<TTimelineType>(query['filter[type]']?.length ? query['filter[type]'] : undefined);
  const wants = (type: TTimelineType) => types.size === 0 || types.has(type);
  const activityTypes = ACTIVITY_TYPES.filter(wants);
  const person = query['filter[personId]'];
  const cursor = decodeCursor(query.cursor);
  const take = query.limit + 1;
  const before = (at: SQL, id: SQL) => (cursor ? sql`AND (${at}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``);
  const entityIds = subject.entityIds;
  const parts: SQL[] = [];

  if (activityTypes.length > 0 && entityIds.length > 0) {
    const typeFilter =
      activityTypes.length < ACTIVITY_TYPES.length
        ? sql`AND l.activity_type IN (${sql.join(
            activityTypes.map((type) => sql`${type}`),
            sql`, `,
          )})`
        : sql``;
    const personFilter = person ? sql`AND l.author_id = ${person}::uuid` : sql``;
    // Per record, the newest links past the cursor (an index range each, read in the index's
    // order: hence NULLS LAST as the index has it); an activity about several records comes once.
    parts.push(sql`(SELECT 'activity' AS kind, picked.activity_id AS id, picked.at FROM (
        SELECT p.activity_id, max(p.occurred_at) AS at
        FROM unnest(${uuids(entityIds)}) AS e(id)
        CROSS JOIN LATERAL (
          SELECT l.activity_id, l.occurred_at FROM activity_link l
          WHERE l.workspace_id = ${workspaceId} AND l.entity_id = e.id ${typeFilter} ${personFilter}
            ${before(sql`l.occurred_at`, sql`l.activity_id`)}
          ORDER BY l.occurred_at DESC NULLS LAST, l.activity_id DESC NULLS LAST LIMIT ${take}) p
        GROUP BY p.activity_id ORDER BY at DESC, p.activity_id DESC LIMIT ${take}) picked)`);
  }
  if (wants('agreement') && subject.agreements) {
    parts.push(sql`(SELECT 'agreement' AS kind, ${agreements.id} AS id, ${agreements.createdAt} AS at FROM ${agreements}
      WHERE ${agreements.workspaceId} = ${workspaceId} AND ${agreements.deletedAt} IS NULL
        AND ${subject.agreements}
        ${person ? sql`AND ${agreements.createdById} = ${person}::uuid` : sql``}
        ${before(sql`${agreements.createdAt}`, sql`${agreements.id}`)}
      ORDER BY ${agreements.createdAt} DESC, ${agreements.id} DESC LIMIT ${take})`);
  }
  const changed = wants('system')
    ? (['company', 'contact'] as const).flatMap((type) => {
        const ids = subject.own.filter((r) => r.type === type).map((r) => r.id);
        return ids.length === 0 ? [] : [sql`(r.entity_type = ${type} AND r.entity_id = ANY(${uuids(ids)}))`];
      })
    : [];
  // The subject's agreements: a status or date changed, or one removed.
  if (wants('agreement') && subject.agreements) {
    changed.push(sql`(r.entity_type = 'agreement' AND r.entity_id IN (SELECT ${agreements.id} FROM ${agreements}
      WHERE ${agreements.workspaceId} = ${workspaceId} AND ${subject.agreements}))`);
  }
  if (changed.length > 0) {
    parts.push(sql`(SELECT 'system' AS kind, r.id, r.at FROM record_change r
      WHERE r.workspace_id = ${workspaceId} AND (${sql.join(changed, sql` OR `)})
        AND (r.action <> 'updated' OR ${sql.join(
          SYSTEM_FIELDS.map((field) => sql`r.changes @> ${JSON.stringify([{ field }])}::jsonb`),
          sql` OR `,
        )})
        ${person ? sql`AND r.actor_id = ${person}::uuid` : sql``}
        ${before(sql`r.at`, sql`r.id`)}
      ORDER BY r.at DESC, r.id DESC LIMIT ${take})`);
  }
  const sources = (subject.sources ?? []).filter((source) => wants(source.kind));
  for (const source of sources) parts.push(source.page({ workspaceId, take, before, personId: person }));
  if (parts.length === 0) return { data: [], nextCursor: null };

  const merged = await ctx.db.execute<{ kind: TTimelineItem['kind']; id: string; at: string }>(
    sql`SELECT kind, id, at::text AS at FROM (${sql.join(parts, sql` UNION ALL `)}) t ORDER BY t.at DESC, t.id DESC LIMIT ${take}`,
  );
  const page = merged.rows.slice(0, query.limit);
  const idsOf = (kind: TTimelineItem['kind']) => page.filter((p) => p.kind === kind).map((p) => p.id);
  const found = await Promise.all([
    activityDetails(ctx, idsOf('activity')),
    agreementDetails(ctx, idsOf('agreement')),
    systemDetails(ctx, idsOf('system'), subject.own),
    ...sources.map((source) => {
      const ids = idsOf(source.kind);
      return ids.length === 0 ? [] : source.details(ids);
    }),
  ]);
  const details = new Map<string, TTimelineItem>(found.flat().map((item) => [`${item.kind}:${item.id}`, item]));
  const last = page.at(-1);
  return {
    data: page.flatMap((p) => details.get(`${p.kind}:${p.id}`) ?? []),
    nextCursor: merged.rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

async function activityDetails(ctx: Ctx, ids: string[]): Promise<TTimelineItem[]> {
  if (ids.length === 0) return [];
  // The activities and their links in one statement.
  const rows = await ctx.db
    .select({
      activity: activities,
      links: sql<
        LinkRef[]
      >`(SELECT coalesce(json_agg(json_build_object('activityId', l.activity_id, 'entityType', l.entity_type, 'entityId', l.entity_id)), '[]')
        FROM activity_link l WHERE l.workspace_id = ${activities.workspaceId} AND l.activity_id = ${activities.id})`,
    })
    .from(activities)
    .where(and(eq(activities.workspaceId, ctx.actor.workspaceId), inArray(activities.id, ids)));
  return (
    await presentActivities(
      ctx,
      ctx.db,
      rows.map((r) => r.activity),
      rows.flatMap((r) => r.links),
    )
  ).map((activity) => ({
    kind: 'activity',
    id: activity.id,
    at: activity.occurredAt,
    activity,
  }));
}

async function agreementDetails(ctx: Ctx, ids: string[]): Promise<TTimelineItem[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(agreements)
    .where(and(eq(agreements.workspaceId, ctx.actor.workspaceId), inArray(agreements.id, ids)));
  return (await presentAgreements(ctx, ctx.db, rows)).map((agreement) => ({
    kind: 'agreement',
    id: agreement.id,
    at: agreement.createdAt,
    agreement,
  }));
}

async function systemDetails(ctx: Ctx, ids: string[], own: TRecordRef[]): Promise<TTimelineItem[]> {
  if (ids.length === 0) return [];
  const rows = await systemRows(ctx.db, ctx.actor.workspaceId, ids);
  const records = new Map<string, TSystemEvent['record']>(own.map((r) => [r.id, r]));
  const agreementIds = [...new Set(rows.filter((r) => r.change.entityType === 'agreement').map((r) => r.change.entityId))];
  if (agreementIds.length > 0) {
    const titles = await ctx.db
      .select({ id: agreements.id, title: agreements.title })
      .from(agreements)
      .where(and(eq(agreements.workspaceId, ctx.actor.workspaceId), inArray(agreements.id, agreementIds)));
    for (const row of titles) records.set(row.id, { type: 'agreement', id: row.id, name: row.title });
  }
  const shown = (change: (typeof rows)[number]['change']) =>
    change.changes.filter((c) => change.action !== 'updated' || SYSTEM_FIELDS.includes(c.field));
  // People named by id in what is shown (a hand-over from one owner to another).
  const personIds = [
    ...new Set(
      rows.flatMap(({ change }) =>
        shown(change)
          .filter((c) => c.field === 'ownerId')
          .flatMap((c) => [c.old, c.new].filter((v): v is string => typeof v === 'string')),
      ),
    ),
  ];
  const people =
    personIds.length === 0
      ? []
      : await ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.workspaceId, ctx.actor.workspaceId), inArray(users.id, personIds)));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return rows.flatMap(({ change, actorName }) => {
    const record = records.get(change.entityId);
    if (!record) return [];
    const changes = shown(change);
    const named = changes
      .filter((c) => c.field === 'ownerId')
      .flatMap((c) => [c.old, c.new])
      .filter((v): v is string => typeof v === 'string' && nameOf.has(v));
    return [
      {
        kind: 'system' as const,
        id: change.id,
        at: change.at.toISOString(),
        event: {
          action: change.action,
          record,
          actor: change.actorId && actorName ? { id: change.actorId, name: actorName } : null,
          changes,
          people: Object.fromEntries(named.map((id) => [id, nameOf.get(id) as string])),
        },
      },
    ];
  });
}

function systemRows(db: Executor, workspaceId: string, ids: string[]) {
  return db
    .select({ change: recordChanges, actorName: users.name })
    .from(recordChanges)
    .leftJoin(users, and(eq(users.workspaceId, recordChanges.workspaceId), eq(users.id, recordChanges.actorId)))
    .where(and(eq(recordChanges.workspaceId, workspaceId), inArray(recordChanges.id, ids)));
}
