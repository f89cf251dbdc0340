import type { TIdeaSort, TIdeaStatus } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../http/errors.ts';
import { escapeLike } from '../users/index.ts';

/** A page's last row, to continue after: its sort value (votes or creation time, as text) and id. */
type Cursor = { value: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string | undefined, sort: TIdeaSort): Cursor | null {
  if (!cursor) return null;
  const [value, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid =
    value !== undefined && id !== undefined && UUID.test(id) && (sort === 'top' ? /^\d+$/.test(value) : !Number.isNaN(Date.parse(value)));
  if (!valid)
    throw new AppError('validation_failed', 'The cursor is not valid', {
      errors: [{ path: 'cursor', message: 'Not a cursor of this list' }],
    });
  return { value, id };
}

/** The cursor that continues after a row. */
export function cursorOf(row: { id: string; vote_count: number; created_key: string }, sort: TIdeaSort): string {
  return Buffer.from(`${sort === 'top' ? row.vote_count : row.created_key}|${row.id}`, 'utf8').toString('base64url');
}

/**
 * The filters, the keyset after the cursor and the order of an idea list, over the alias `i`.
 * Most-voted ties are broken by id; `created_key` keeps PostgreSQL's microseconds for the cursor.
 */
export function ideaListParts(query: {
  sort: TIdeaSort;
  status?: TIdeaStatus | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
}) {
  const filters: SQL[] = [];
  if (query.status) filters.push(sql`i.status = ${query.status}`);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(sql`(i.title ILIKE ${pattern} OR coalesce(i.body, '') ILIKE ${pattern})`);
  }
  const cursor = parseCursor(query.cursor, query.sort);
  const after =
    cursor === null
      ? sql`true`
      : query.sort === 'top'
        ? sql`(i.vote_count, i.id) < (${Number(cursor.value)}::int, ${cursor.id}::uuid)`
        : sql`(i.created_at, i.id) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`;
  const order = query.sort === 'top' ? sql`i.vote_count DESC, i.id DESC` : sql`i.created_at DESC, i.id DESC`;
  return { filters, after, order };
}

/** Joins SQL conditions with AND. */
export const allOf = (conditions: SQL[]) => (conditions.length === 0 ? sql`true` : sql.join(conditions, sql` AND `));

/** A timestamp as the API writes it. */
export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
