import type { TRecordEntity } from '@clientela/contract';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { changeableBy, mayChangeShared, ownOrShared } from '../authz/index.ts';
import { staticListMembers, staticLists } from '../views/views.table.ts';

export type StaticListRow = typeof staticLists.$inferSelect;

/** Lists an actor sees: their own and the shared ones. */
export const visibleLists = (ctx: Ctx): SQL => ownOrShared(ctx.actor, staticLists);

/** Its owner changes a list; an admin also changes the shared ones. */
export const mayEditList = (ctx: Ctx, list: { ownerId: string; shared: boolean }) => mayChangeShared(ctx.actor, list);

/** A list the actor sees, or a 404 (another's private list does not exist for them). */
export async function findVisibleList(ctx: Ctx, db: Executor, id: string): Promise<StaticListRow> {
  const [list] = await db
    .select()
    .from(staticLists)
    .where(and(visibleLists(ctx), eq(staticLists.id, id)));
  if (!list) throw notFound('list');
  return list;
}

/** A list the actor may change: 404 when they do not see it, 403 when they only see it. */
export async function findEditableList(ctx: Ctx, db: Executor, id: string, entity?: TRecordEntity): Promise<StaticListRow> {
  const list = await findVisibleList(ctx, db, id);
  if (!mayEditList(ctx, list)) throw forbidden();
  if (entity && list.entity !== entity) {
    throw new AppError('validation_failed', `The list holds ${list.entity} records`, {
      errors: [{ path: 'listId', message: `The list holds ${list.entity} records` }],
    });
  }
  return list;
}

/**
 * `filter[listId]`: the records of a list the actor sees. A list they do not see, or of other
 * records, is a bad filter.
 */
export async function listMemberFilter(ctx: Ctx, entity: TRecordEntity, listId: string, idColumn: AnyColumn): Promise<SQL> {
  const [list] = await ctx.db
    .select({ entity: staticLists.entity })
    .from(staticLists)
    .where(and(visibleLists(ctx), eq(staticLists.id, listId)));
  if (!list || list.entity !== entity) {
    throw new AppError('validation_failed', 'No such list', { errors: [{ path: 'filter[listId]', message: 'No such list' }] });
  }
  return sql`EXISTS (SELECT 1 FROM ${staticListMembers} m WHERE m.workspace_id = ${ctx.actor.workspaceId}
    AND m.list_id = ${listId} AND m.record_id = ${idColumn})`;
}

/** Puts records into a list (those already in stay as they are); returns how many were new. */
export async function addListMembers(ctx: Ctx, tx: Executor, listId: string, recordIds: readonly string[]): Promise<number> {
  if (recordIds.length === 0) return 0;
  const added = await tx
    .insert(staticListMembers)
    .values(recordIds.map((recordId) => ({ workspaceId: ctx.actor.workspaceId, listId, recordId, addedBy: ctx.actor.userId })))
    .onConflictDoNothing()
    .returning({ recordId: staticListMembers.recordId });
  await touchList(ctx, tx, listId);
  return added.length;
}

/** Marks a list as changed now. */
export async function touchList(ctx: Ctx, tx: Executor, listId: string): Promise<void> {
  await tx
    .update(staticLists)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(staticLists.workspaceId, ctx.actor.workspaceId), eq(staticLists.id, listId)));
}

/** In a write's transaction: locks the list if the actor may still change it (it may have been unshared meanwhile). */
export async function lockEditableList(ctx: Ctx, tx: Executor, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: staticLists.id })
    .from(staticLists)
    .where(and(changeableBy(ctx.actor, staticLists), eq(staticLists.id, id)))
    .for('update');
  if (!row) throw forbidden();
}
