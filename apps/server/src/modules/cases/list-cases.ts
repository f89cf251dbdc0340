import { type CASE_SORTS, CASE_STATUSES, OPEN_CASE_STATUSES, type TCaseListQuery, type TCaseSummary } from '@clientela/contract';
import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { runPreparedUnlessSearch } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import {
  afterCursor,
  cursorKey,
  type Keyset,
  type PageSource,
  pageOf,
  parseSort,
  readListPage,
  type SortField,
} from '../../lib/pagination.ts';
import { escapeLike } from '../users/index.ts';
import { customerVisibility, invalid, presentSummaries, readableCases, selectCases } from './case-rows.ts';
import { supportCases } from './cases.table.ts';
import { slaPresenter } from './sla/sla-clock.ts';

const PRIORITY_RANK = sql`(CASE ${supportCases.priority} WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END)`;
/** A case without a resolution due time sorts after every dated one. */
const DUE_OR_NEVER = sql`coalesce(${supportCases.resolutionDueAt}, 'infinity'::timestamptz)`;

const SORTS: Record<(typeof CASE_SORTS)[number], SortField> = {
  createdAt: { column: supportCases.createdAt, cast: 'timestamptz' },
  updatedAt: { column: supportCases.updatedAt, cast: 'timestamptz' },
  priority: { column: PRIORITY_RANK as unknown as AnyColumn },
  resolutionDueAt: { column: DUE_OR_NEVER as unknown as AnyColumn, cast: 'timestamptz' },
};

const statusList = (values: readonly string[]) =>
  sql`${supportCases.status} IN (${sql.join(
    values.map((s) => sql`${s}`),
    sql`, `,
  )})`;

/**
 * Open cases, with the statuses written out as constants: the partial indexes of open cases
 * (migration 0053) carry the same list, and PostgreSQL matches a partial index only to constants.
 */
const OPEN_SQL = sql`${supportCases.status} IN (${sql.raw(OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', '))})`;

/**
 * ORDER BY of a keyset as the case indexes hold it: their columns are `DESC NULLS LAST`, so a
 * descending list says so (and an ascending one, read backwards, `NULLS FIRST`); the sorted columns
 * are never null, so the order is the same, but only this way does PostgreSQL read the index.
 */
function indexOrder(keyset: Keyset): SQL[] {
  const dir = sql.raw(keyset.direction === 'desc' ? 'desc nulls last' : 'asc nulls first');
  return [sql`${keyset.field.column} ${dir}`, sql`${supportCases.id} ${dir}`];
}

/** `filter[status]=new,in_progress`: every value must be a status (400 naming the filter otherwise). */
function statusFilter(raw: string | undefined): SQL | undefined {
  if (!raw) return undefined;
  const values = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = values.filter((v) => !(CASE_STATUSES as readonly string[]).includes(v));
  if (unknown.length > 0) throw invalid('Unknown status', [{ path: 'filter[status]', message: `Unknown: ${unknown.join(', ')}` }]);
  return values.length > 0 ? statusList(values) : undefined;
}

/**
 * Breached: a target missed (the SLA sweep's mark, or a due time passed while the clock runs); at
 * risk: warned by the sweep and not breached.
 */
function slaFilter(value: 'breached' | 'warning' | undefined, now: Date): SQL | undefined {
  if (!value) return undefined;
  const at = sql`${now.toISOString()}::timestamptz`;
  const breached = sql`(${supportCases.firstResponseBreachedAt} IS NOT NULL OR ${supportCases.resolutionBreachedAt} IS NOT NULL
    OR (${statusList(OPEN_CASE_STATUSES)} AND ${supportCases.slaPausedAt} IS NULL AND (${supportCases.resolutionDueAt} < ${at}
      OR (${supportCases.firstRespondedAt} IS NULL AND ${supportCases.firstResponseDueAt} < ${at}))))`;
  if (value === 'breached') return breached;
  return sql`(${statusList(OPEN_CASE_STATUSES)} AND NOT ${breached}
    AND (${supportCases.firstResponseWarnedAt} IS NOT NULL OR ${supportCases.resolutionWarnedAt} IS NOT NULL))`;
}

/** The reader's time zone: the calendar their date filters are read in. */
const readerZone = (ctx: Ctx) =>
  sql`(SELECT u.time_zone FROM app_user u WHERE u.workspace_id = ${ctx.actor.workspaceId} AND u.id = ${ctx.actor.userId})`;

/** The WHERE of the list: the workspace's live cases with every filter of the query (AND). */
export async function caseListWhere(ctx: Ctx, query: TCaseListQuery, now: Date): Promise<SQL | undefined> {
  const q = query.q?.trim().toLowerCase();
  const zone = readerZone(ctx);
  const from = query['filter[createdFrom]'];
  const to = query['filter[createdTo]'];
  return and(
    eq(supportCases.workspaceId, ctx.actor.workspaceId),
    isNull(supportCases.deletedAt),
    statusFilter(query['filter[status]']),
    query['filter[open]'] ? OPEN_SQL : undefined,
    query['filter[typeId]'] ? eq(supportCases.typeId, query['filter[typeId]']) : undefined,
    query['filter[categoryId]'] ? eq(supportCases.categoryId, query['filter[categoryId]']) : undefined,
    query['filter[kind]'] ? eq(supportCases.kind, query['filter[kind]']) : undefined,
    query['filter[channel]'] ? eq(supportCases.channel, query['filter[channel]']) : undefined,
    query['filter[priority]'] ? eq(supportCases.priority, query['filter[priority]']) : undefined,
    query['filter[ownerId]'] ? eq(supportCases.ownerId, query['filter[ownerId]']) : undefined,
    query['filter[unitId]'] ? eq(supportCases.unitId, query['filter[unitId]']) : undefined,
    query['filter[companyId]'] ? eq(supportCases.companyId, query['filter[companyId]']) : undefined,
    query['filter[contactId]'] ? eq(supportCases.contactId, query['filter[contactId]']) : undefined,
    query['filter[productId]'] ? eq(supportCases.productId, query['filter[productId]']) : undefined,
    query['filter[verdict]'] ? eq(supportCases.verdict, query['filter[verdict]']) : undefined,
    slaFilter(query['filter[sla]'], now),
    query['filter[mine]'] ? eq(supportCases.ownerId, ctx.actor.userId) : undefined,
    from ? sql`${supportCases.createdAt} >= (${from}::date::timestamp AT TIME ZONE ${zone})` : undefined,
    to ? sql`${supportCases.createdAt} < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})` : undefined,
    q ? sql`lower(${supportCases.number} || ' ' || ${supportCases.subject}) LIKE ${`%${escapeLike(q)}%`}` : undefined,
    from && to && from > to ? sql`false` : undefined,
  );
}

/**
 * The cases list: filtered, sorted, page by page, with its total, in one statement: the page is cut
 * from the cases alone in index order with its capped count (a sub-select with its own LIMIT, so
 * the planner cannot join the whole workspace's cases before sorting them), and only its rows are
 * joined to their names; a prepared statement, so that PostgreSQL need not plan it every time. What the reader may see of customers and the SLA settings are read while
 * the filters are built.
 */
export async function listCases(ctx: Ctx, query: TCaseListQuery, now: Date) {
  const keyset = parseSort(query.sort, SORTS, '-createdAt');
  const visible = customerVisibility(ctx);
  const sla = slaPresenter(ctx.db, ctx.actor.workspaceId, now);
  // Settled even when the page fails first, so that no rejection goes unhandled.
  Promise.allSettled([visible, sla]);
  const where = and(await caseListWhere(ctx, query, now), await readableCases(ctx));
  const list = { table: supportCases, keys: supportCases, workspaceId: ctx.actor.workspaceId, where };
  const shown = await visible;
  const { rows, total } = await readListPage(ctx.db, list, query, async (source: PageSource) => {
    const db = source.matched ? ctx.db.with(source.matched) : ctx.db;
    const cut = db
      .select({ id: supportCases.id, cursorKey: cursorKey(keyset).as('cursor_key'), capped: source.count.as('capped') })
      .from(supportCases)
      .where(and(source.where, afterCursor(keyset, supportCases.id, query.cursor)))
      .orderBy(...indexOrder(keyset))
      .limit(query.limit + 1)
      .as('page');
    const statement = selectCases(db, shown, { key: sql<string>`${cut.cursorKey}`, capped: sql<number>`${cut.capped}`.mapWith(Number) })
      .innerJoin(cut, and(eq(supportCases.workspaceId, ctx.actor.workspaceId), eq(supportCases.id, cut.id)))
      .orderBy(...indexOrder(keyset));
    const named = await runPreparedUnlessSearch(statement, query.q);
    return named.map((selected) => ({ id: selected.row.id, cursorKey: selected.cursorKey, capped: selected.capped, selected }));
  });
  const { page, nextCursor } = pageOf(rows, query.limit, keyset);
  const counted = await total();
  const data: TCaseSummary[] = await presentSummaries(
    ctx,
    ctx.db,
    page.map((row) => row.selected),
    now,
    sla,
  );
  return { data, nextCursor, ...counted };
}
