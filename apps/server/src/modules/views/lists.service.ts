import type { TAddListMembersInput, TCreateListInput, TRecordEntity, TStaticList, TUpdateListInput } from '@clientela/contract';
import { MEMBERS_FROM_FILTER_MAX, ZCompanyListQuery, ZContactListQuery, ZCreateListInput } from '@clientela/contract';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { changeableBy } from '../authz/index.ts';
import { companies, companyListWhere } from '../companies/index.ts';
import { contactListWhere, contacts } from '../contacts/index.ts';
import {
  addListMembers,
  findVisibleList,
  lockEditableList,
  mayEditList,
  type StaticListRow,
  touchList,
  visibleLists,
} from '../customers/index.ts';
import { users } from '../users/index.ts';
import { checkSavedQuery } from './saved-query.ts';
import { staticListMembers, staticLists } from './views.table.ts';

/** Per entity: its table, id and name columns. */
const RECORDS = {
  company: { id: companies.id, name: companies.name, table: companies },
  contact: { id: contacts.id, name: contacts.name, table: contacts },
} as const;

/** The records of an entity the actor may see, matching a list query; `extra` narrows further. */
async function visibleRecordsWhere(ctx: Ctx, entity: TRecordEntity, query: Record<string, unknown>, extra?: SQL) {
  const where =
    entity === 'company'
      ? await companyListWhere(ctx, ZCompanyListQuery.parse(query))
      : await contactListWhere(ctx, ZContactListQuery.parse(query));
  return and(where, extra);
}

/** How many members of each list the actor may see (live records only). */
async function visibleMemberCounts(ctx: Ctx, lists: readonly StaticListRow[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entity of ['company', 'contact'] as const) {
    const ids = lists.filter((list) => list.entity === entity).map((list) => list.id);
    if (ids.length === 0) continue;
    const records = RECORDS[entity];
    const rows = await ctx.db
      .select({ listId: staticListMembers.listId, members: count() })
      .from(staticListMembers)
      .innerJoin(
        records.table,
        and(eq(records.table.workspaceId, staticListMembers.workspaceId), eq(records.id, staticListMembers.recordId)),
      )
      .where(
        and(
          eq(staticListMembers.workspaceId, ctx.actor.workspaceId),
          inArray(staticListMembers.listId, ids),
          await visibleRecordsWhere(ctx, entity, {}),
        ),
      )
      .groupBy(staticListMembers.listId);
    for (const row of rows) counts.set(row.listId, row.members);
  }
  return counts;
}

function present(ctx: Ctx, row: StaticListRow, ownerName: string | null, memberCount: number): TStaticList {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    notes: row.notes,
    shared: row.shared,
    owner: ownerName === null ? null : { id: row.ownerId, name: ownerName },
    memberCount,
    editable: mayEditList(ctx, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ownerJoin = and(eq(users.workspaceId, staticLists.workspaceId), eq(users.id, staticLists.ownerId));

/** The actor's lists first, then the shared ones, each by name. */
export async function listStaticLists(ctx: Ctx, entity: TRecordEntity | undefined) {
  const rows = await ctx.db
    .select({ list: staticLists, ownerName: users.name })
    .from(staticLists)
    .leftJoin(users, ownerJoin)
    .where(and(visibleLists(ctx), entity ? eq(staticLists.entity, entity) : undefined))
    .orderBy(desc(sql`${staticLists.ownerId} = ${ctx.actor.userId}`), asc(staticLists.name), asc(staticLists.id));
  const counts = await visibleMemberCounts(
    ctx,
    rows.map((row) => row.list),
  );
  return {
    data: rows.map(({ list, ownerName }) => present(ctx, list, ownerName, counts.get(list.id) ?? 0)),
    nextCursor: null,
    total: rows.length,
  };
}

export async function getStaticList(ctx: Ctx, id: string): Promise<TStaticList> {
  const list = await findVisibleList(ctx, ctx.db, id);
  const [owner] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, list.workspaceId), eq(users.id, list.ownerId)));
  const counts = await visibleMemberCounts(ctx, [list]);
  return present(ctx, list, owner?.name ?? null, counts.get(list.id) ?? 0);
}

export async function createStaticList(ctx: Ctx, raw: TCreateListInput): Promise<TStaticList> {
  const input = ZCreateListInput.parse(raw);
  const [row] = await ctx.db
    .insert(staticLists)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ownerId: ctx.actor.userId,
      entity: input.entity,
      name: input.name,
      notes: input.notes ?? null,
      shared: input.shared,
    })
    .returning();
  if (!row) throw new Error('list insert returned nothing');
  return getStaticList(ctx, row.id);
}

async function findEditable(ctx: Ctx, db: Executor, id: string): Promise<StaticListRow> {
  const list = await findVisibleList(ctx, db, id);
  if (!mayEditList(ctx, list)) throw forbidden();
  return list;
}

export async function updateStaticList(ctx: Ctx, id: string, input: TUpdateListInput): Promise<TStaticList> {
  await findEditable(ctx, ctx.db, id);
  const changed = await ctx.db
    .update(staticLists)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(changeableBy(ctx.actor, staticLists), eq(staticLists.id, id)))
    .returning({ id: staticLists.id });
  if (changed.length === 0) throw forbidden();
  return getStaticList(ctx, id);
}

export async function deleteStaticList(ctx: Ctx, id: string): Promise<void> {
  await findEditable(ctx, ctx.db, id);
  const deleted = await ctx.db
    .delete(staticLists)
    .where(and(changeableBy(ctx.actor, staticLists), eq(staticLists.id, id)))
    .returning({ id: staticLists.id });
  if (deleted.length === 0) throw forbidden();
}

/** The named records, each of which the actor must see; otherwise a 404 naming the missing ones. */
async function assertVisible(ctx: Ctx, entity: TRecordEntity, ids: readonly string[]): Promise<string[]> {
  const records = RECORDS[entity];
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .select({ id: records.id })
    .from(records.table)
    .where(await visibleRecordsWhere(ctx, entity, {}, inArray(records.id, unique)));
  const seen = new Set(rows.map((row) => row.id));
  const missing = ids.flatMap((id, index) => (seen.has(id) ? [] : [{ path: `ids.${index}`, message: `No such ${entity}` }]));
  if (missing.length > 0) throw new AppError('not_found', `${missing.length} of the records do not exist`, { errors: missing });
  return unique;
}

/** Adds the named records, or every record a list query matches (at most MEMBERS_FROM_FILTER_MAX). */
export async function addMembers(ctx: Ctx, id: string, input: TAddListMembersInput) {
  const list = await findEditable(ctx, ctx.db, id);
  let recordIds: string[];
  if ('ids' in input) recordIds = await assertVisible(ctx, list.entity, input.ids);
  else {
    const query = await checkSavedQuery(ctx.db, ctx.actor.workspaceId, list.entity, input.query);
    const records = RECORDS[list.entity];
    const rows = await ctx.db
      .select({ id: records.id })
      .from(records.table)
      .where(await visibleRecordsWhere(ctx, list.entity, query))
      .orderBy(asc(records.name), asc(records.id))
      .limit(MEMBERS_FROM_FILTER_MAX + 1);
    if (rows.length > MEMBERS_FROM_FILTER_MAX) {
      const message = `The filter matches more than ${MEMBERS_FROM_FILTER_MAX} records; narrow it`;
      throw new AppError('validation_failed', message, { errors: [{ path: 'query', message }] });
    }
    recordIds = rows.map((row) => row.id);
  }
  const changed = await ctx.db.transaction(async (tx) => {
    await lockEditableList(ctx, tx, list.id);
    let added = 0;
    for (let start = 0; start < recordIds.length; start += 1_000) {
      added += await addListMembers(ctx, tx, list.id, recordIds.slice(start, start + 1_000));
    }
    return added;
  });
  return { changed, memberCount: (await visibleMemberCounts(ctx, [list])).get(list.id) ?? 0 };
}

/** Takes the named records (that the actor sees) out of the list. */
export async function removeMembers(ctx: Ctx, id: string, ids: readonly string[]) {
  const list = await findEditable(ctx, ctx.db, id);
  const recordIds = await assertVisible(ctx, list.entity, ids);
  const changed = await ctx.db.transaction(async (tx) => {
    await lockEditableList(ctx, tx, list.id);
    const removed = await tx
      .delete(staticListMembers)
      .where(
        and(
          eq(staticListMembers.workspaceId, ctx.actor.workspaceId),
          eq(staticListMembers.listId, list.id),
          inArray(staticListMembers.recordId, recordIds),
        ),
      )
      .returning({ recordId: staticListMembers.recordId });
    await touchList(ctx, tx, list.id);
    return removed.length;
  });
  return { changed, memberCount: (await visibleMemberCounts(ctx, [list])).get(list.id) ?? 0 };
}
