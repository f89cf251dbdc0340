import { LEAD_STATUSES, type TLeadListQuery } from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { afterCursor, cursorKey, orderBy, type PageSource, pageOf, parseSort, readListPage } from '../../lib/pagination.ts';
import { phoneNeedle } from '../customers/index.ts';
import { escapeLike } from '../users/index.ts';
import { invalid, LEAD_FIELDS, presentSummary, readableLeads } from './lead-rows.ts';
import { leads } from './leads.table.ts';

const SORTS = { createdAt: { column: leads.createdAt, cast: 'timestamptz' as const } };

/** `filter[status]=new,working`: every value must be a status (400 naming the filter otherwise). */
function statusFilter(raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  const values = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = values.filter((v) => !(LEAD_STATUSES as readonly string[]).includes(v));
  if (unknown.length > 0) throw invalid('Unknown status', [{ path: 'filter[status]', message: `Unknown: ${unknown.join(', ')}` }]);
  return values.length > 0 ? inArray(leads.status, values as (typeof LEAD_STATUSES)[number][]) : undefined;
}

/** `q` over the name, company and e-mail (substring), and the phone by its digits. */
function searchFilter(raw: string | undefined): SQL | undefined {
  const q = raw?.trim().toLowerCase();
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  const text = sql`lower(${leads.firstName} || ' ' || ${leads.lastName} || ' ' || coalesce(${leads.companyName}, '') || ' ' || coalesce(${leads.email}, '')) LIKE ${like}`;
  const digits = phoneNeedle(q);
  if (!digits) return text;
  return sql`(${text} OR regexp_replace(coalesce(${leads.phone}, ''), '\\D', '', 'g') LIKE ${`%${digits}%`})`;
}

/** The reader's time zone: the calendar the date filters are read in. */
const readerZone = (ctx: Ctx) =>
  sql`(SELECT u.time_zone FROM app_user u WHERE u.workspace_id = ${ctx.actor.workspaceId} AND u.id = ${ctx.actor.userId})`;

/** The WHERE of the list: the workspace's live leads with every filter of the query (AND). */
function leadListWhere(ctx: Ctx, query: TLeadListQuery): SQL | undefined {
  const zone = readerZone(ctx);
  const from = query['filter[createdFrom]'];
  const to = query['filter[createdTo]'];
  return and(
    eq(leads.workspaceId, ctx.actor.workspaceId),
    isNull(leads.deletedAt),
    statusFilter(query['filter[status]']),
    query['filter[ownerId]'] ? eq(leads.ownerId, query['filter[ownerId]']) : undefined,
    query['filter[sourceId]'] ? eq(leads.sourceId, query['filter[sourceId]']) : undefined,
    query['filter[campaignId]'] ? eq(leads.campaignId, query['filter[campaignId]']) : undefined,
    query['filter[webFormId]'] ? eq(leads.webFormId, query['filter[webFormId]']) : undefined,
    query['filter[channel]'] ? eq(leads.channel, query['filter[channel]']) : undefined,
    query['filter[mine]'] ? eq(leads.ownerId, ctx.actor.userId) : undefined,
    from ? sql`${leads.createdAt} >= (${from}::date::timestamp AT TIME ZONE ${zone})` : undefined,
    to ? sql`${leads.createdAt} < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})` : undefined,
    searchFilter(query.q),
    from && to && from > to ? sql`false` : undefined,
  );
}

/** The leads list: newest first, page by page, with its total. */
export async function listLeads(ctx: Ctx, query: TLeadListQuery) {
  const keyset = parseSort(query.sort, SORTS, '-createdAt');
  const where = and(leadListWhere(ctx, query), await readableLeads(ctx));
  const list = { table: leads, keys: leads, workspaceId: ctx.actor.workspaceId, where };
  const { rows, total } = await readListPage(ctx.db, list, query, (source: PageSource) =>
    (source.matched ? ctx.db.with(source.matched) : ctx.db)
      .select({ ...LEAD_FIELDS, id: leads.id, cursorKey: cursorKey(keyset), capped: source.count })
      .from(leads)
      .where(and(source.where, afterCursor(keyset, leads.id, query.cursor)))
      .orderBy(...orderBy(keyset, leads.id))
      .limit(query.limit + 1),
  );
  const { page, nextCursor } = pageOf(rows, query.limit, keyset);
  return { data: page.map((row) => presentSummary(row)), nextCursor, ...(await total()) };
}
