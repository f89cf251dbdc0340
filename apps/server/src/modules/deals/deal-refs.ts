import type { TDealRef } from '@clientela/contract';
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { readableDeals } from './deals.service.ts';
import { deals } from './deals.table.ts';

/** A deal named by another record, with the customer it is with (an agreement must be with the same company). */
export type DealRef = TDealRef & { companyId: string | null; contactId: string | null };

/** The live deals among `ids` that the actor may read, by id. */
export async function readableDealRefs(ctx: Ctx, db: Executor, ids: readonly string[]): Promise<Map<string, DealRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: deals.id, title: deals.title, companyId: deals.companyId, contactId: deals.contactId })
    .from(deals)
    .where(and(inArray(deals.id, unique), await readableDeals(ctx)));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Checks that every deal named in an input is one the actor may read; 400 naming each that is
 * not (`dealIds.1`, or `dealId` for a single one), whether it is missing, hidden or another workspace's.
 */
export async function assertReadableDeals(
  ctx: Ctx,
  db: Executor,
  field: { path: string; ids: readonly string[]; single?: boolean },
): Promise<Map<string, DealRef>> {
  const found = await readableDealRefs(ctx, db, field.ids);
  const errors = field.ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: field.single ? field.path : `${field.path}.${i}`, message: 'No such deal' }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'A linked deal does not exist', { errors });
  return found;
}

/** SQL true when `idColumn` is a live deal the actor may read. */
export async function readableDealSql(ctx: Ctx, idColumn: SQL): Promise<SQL> {
  return sql`EXISTS (SELECT 1 FROM ${deals} WHERE ${deals.id} = ${idColumn} AND ${await readableDeals(ctx)})`;
}
