import { type AnyColumn, and, eq, inArray, type SQL, sql, type Table, type WithSubquery } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';

import { AppError } from '../http/errors.ts';

/** A sortable column of a list, and how its cursor value is read back from text. */
export type SortField = { column: AnyColumn; cast?: 'timestamptz' };

/** A parsed `sort`: the row property sorted on, its column and the direction. */
export type Keyset = { name: string; field: SortField; direction: 'asc' | 'desc' };

/** Reads `sort=name` / `sort=-createdAt` against the fields a list allows. */
export function parseSort(sort: string | undefined, fields: Record<string, SortField>, fallback: string): Keyset {
  const raw = sort ?? fallback;
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const name = raw.replace(/^-/, '');
  const field = fields[name];
  if (!field) {
    throw new AppError('validation_failed', `Cannot sort by "${raw}"`, {
      errors: [{ path: 'sort', message: `Allowed: ${Object.keys(fields).join(', ')}` }],
    });
  }
  return { name, field, direction };
}

/**
 * The sort value as PostgreSQL writes it, to select beside a list's rows for its cursor: a
 * timestamp keeps its microseconds this way, where a JavaScript Date would cut them to
 * milliseconds and rows stamped within one millisecond (a bulk action, an import's chunk) would
 * repeat or vanish between pages.
 */
export function cursorKey(keyset: Keyset): SQL<string> {
  return sql<string>`${keyset.field.column}::text`;
}

/** Cuts the extra row fetched past `limit` and makes the cursor that continues after the page (from `cursorKey` when selected). */
export function pageOf<T extends { id: string; cursorKey?: string }>(
  rows: T[],
  limit: number,
  keyset: Keyset,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const value = last && (last.cursorKey ?? (last as Record<string, unknown>)[keyset.name]);
  const nextCursor = rows.length > limit && last ? encodeCursor(value, last.id) : null;
  return { page, nextCursor };
}

type CursorValue = [value: string | null, id: string];

export function encodeCursor(value: unknown, id: string): string {
  const text = value instanceof Date ? value.toISOString() : value === null ? null : String(value);
  return Buffer.from(JSON.stringify([text, id] satisfies CursorValue)).toString('base64url');
}

function decodeCursor(cursor: string): CursorValue {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return parsed as CursorValue;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
}

/** The WHERE part that continues a keyset-paginated list after `cursor`. */
export function afterCursor(keyset: Keyset, idColumn: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor);
  const cast = keyset.field.cast ? sql.raw(`::${keyset.field.cast}`) : sql``;
  const op = sql.raw(keyset.direction === 'asc' ? '>' : '<');
  return sql`(${keyset.field.column}, ${idColumn}) ${op} (${value}${cast}, ${id}::uuid)`;
}

/** ORDER BY of a keyset: the sort column, then the id to break ties. */
export function orderBy(keyset: Keyset, idColumn: AnyColumn): SQL[] {
  const dir = sql.raw(keyset.direction);
  return [sql`${keyset.field.column} ${dir}`, sql`${idColumn} ${dir}`];
}

/** Lists up to this many matching rows are counted exactly; beyond, the planner's estimate is used. */
export const EXACT_COUNT_LIMIT = 1_000;

/**
 * The `total` of a list without reading every matching row: counted exactly up to
 * EXACT_COUNT_LIMIT, and beyond that PostgreSQL's row estimate (never below the cap). The count
 * comes first because estimates rest on table-wide statistics: a small workspace among large
 * ones, or a filter on a custom field, would get a number far from its own.
 */
async function countMatching(db: Executor, table: Table, where: SQL | undefined): Promise<{ total: number; totalIsEstimate?: true }> {
  const condition = where ?? sql`true`;
  const capped = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} WHERE ${condition} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS capped`,
  );
  const exact = capped.rows[0]?.n ?? 0;
  if (exact <= EXACT_COUNT_LIMIT) return { total: exact };
  return estimateMatching(db, table, where);
}

/** How long a list's row estimate is reused: an estimate is approximate anyway, and a list is read page after page. */
const ESTIMATE_TTL_MS = 30_000;
const ESTIMATES_KEPT = 500;
const estimates = new Map<string, { total: number; until: number }>();
const dialect = new PgDialect();

/**
 * PostgreSQL's estimate of the rows matching `where`, for a list known to have more than
 * EXACT_COUNT_LIMIT. The same list (same statement and values, so the same workspace and
 * filters) asked again within ESTIMATE_TTL_MS gets the estimate it got, without the round trip.
 */
async function estimateMatching(db: Executor, table: Table, where: SQL | undefined): Promise<{ total: number; totalIsEstimate: true }> {
  const statement = sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} WHERE ${where ?? sql`true`}`;
  const rendered = dialect.sqlToQuery(statement);
  const key = `${rendered.sql}\u0000${JSON.stringify(rendered.params)}`;
  const now = Date.now();
  const kept = estimates.get(key);
  if (kept && kept.until > now) return { total: kept.total, totalIsEstimate: true };
  const plan = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(statement);
  const estimate = Math.round(plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  const total = Math.max(estimate, EXACT_COUNT_LIMIT + 1);
  if (estimates.size >= ESTIMATES_KEPT) estimates.delete(estimates.keys().next().value as string);
  estimates.set(key, { total, until: now + ESTIMATE_TTL_MS });
  return { total, totalIsEstimate: true };
}

/**
 * A column for a list's page query: how many rows match `where`, counted up to
 * EXACT_COUNT_LIMIT + 1. PostgreSQL evaluates it once (it does not depend on the row), so the
 * page and its count come back in one round trip instead of two.
 */
function cappedCount(table: Table, where: SQL | undefined): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM (SELECT 1 FROM ${table} WHERE ${where ?? sql`true`} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS capped)`.mapWith(
    Number,
  );
}

/** What a list's page query reads from: its WHERE and its capped count, and for a search the WITH query both use. */
export type PageSource = { where: SQL | undefined; count: SQL<number>; matched?: WithSubquery };

/**
 * Where a list page and its capped count come from, in one statement. Filters alone: the page in
 * index order, counted beside it. A search (`q`): its match is the costly part, so it runs once,
 * as a WITH query of at most EXACT_COUNT_LIMIT + 1 ids that the page reads by primary key and
 * the count counts. Beyond the cap those ids are not the first ones in the list's order: the
 * caller then reads the page again from `plainPageSource` (see `searchOverflowed`).
 */
function pageSource(
  db: Executor,
  table: Table,
  keys: { workspaceId: AnyColumn; id: AnyColumn },
  workspaceId: string,
  where: SQL | undefined,
  search: boolean,
): PageSource {
  if (!search) return plainPageSource(table, where);
  const matched = db.$with('matched').as(
    db
      .select({ id: sql<string>`${keys.id}`.as('id') })
      .from(table)
      .where(where)
      .limit(EXACT_COUNT_LIMIT + 1),
  );
  return {
    matched,
    where: and(eq(keys.workspaceId, workspaceId), inArray(keys.id, db.select({ id: matched.id }).from(matched))),
    count: sql<number>`(SELECT count(*)::int FROM ${matched})`.mapWith(Number),
  };
}

/** The page in index order with its capped count beside it (or without one, when it is already known). */
function plainPageSource(table: Table, where: SQL | undefined, counted = true): PageSource {
  return { where, count: counted ? cappedCount(table, where) : sql<number>`NULL` };
}

/**
 * Whether a search's page must be read again in the list's order: its WITH query held only the
 * first 1,001 matches found (in no order), so beyond the cap its page may miss rows. An empty
 * page after a cursor cannot tell (the cursor may point past every id it held), so it reads again.
 */
function searchOverflowed(
  source: PageSource,
  page: { rows: number; capped: number | null | undefined; cursor: string | undefined },
): boolean {
  if (!source.matched) return false;
  if (page.rows === 0) return page.cursor !== undefined;
  return (page.capped ?? 0) > EXACT_COUNT_LIMIT;
}

/**
 * The `total` of a list page: a first page that is not full tells it; otherwise the capped count
 * the page query brought (`pageSource`), and PostgreSQL's estimate only beyond the cap.
 */
async function totalOf(
  db: Executor,
  table: Table,
  where: SQL | undefined,
  page: { rows: number; limit: number; cursor: string | undefined; capped?: number | undefined },
): Promise<{ total: number; totalIsEstimate?: true }> {
  if (!page.cursor && page.rows <= page.limit) return { total: page.rows };
  if (page.capped === undefined) return countMatching(db, table, where);
  if (page.capped <= EXACT_COUNT_LIMIT) return { total: page.capped };
  return estimateMatching(db, table, where);
}

/**
 * Reads a list page through `read` (the list's select, given where its rows and count come from):
 * one statement, or two when a search matched more than its WITH query holds. Returns the rows
 * (one past the page, for `pageOf`) and how to get the list's total.
 */
export async function readListPage<Row extends { capped: number | null }>(
  db: Executor,
  list: { table: Table; keys: { workspaceId: AnyColumn; id: AnyColumn }; workspaceId: string; where: SQL | undefined },
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
  read: (source: PageSource) => PromiseLike<Row[]>,
): Promise<{ rows: Row[]; total: () => Promise<{ total: number; totalIsEstimate?: true }> }> {
  const source = pageSource(db, list.table, list.keys, list.workspaceId, list.where, Boolean(query.q));
  let rows = await read(source);
  const capped = rows[0]?.capped ?? undefined;
  if (searchOverflowed(source, { rows: rows.length, capped, cursor: query.cursor })) {
    rows = await read(plainPageSource(list.table, list.where, false));
  }
  const page = { rows: rows.length, limit: query.limit, cursor: query.cursor, capped };
  return { rows, total: () => totalOf(db, list.table, list.where, page) };
}
