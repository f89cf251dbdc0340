import { type AnyColumn, and, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from './authz.ts';

/**
 * Things people keep for themselves or share with the workspace (saved views, static lists):
 * an actor sees their own and the shared ones of their workspace.
 */
export function ownOrShared(actor: Actor, columns: { workspaceId: AnyColumn; ownerId: AnyColumn; shared: AnyColumn }): SQL {
  return and(eq(columns.workspaceId, actor.workspaceId), or(eq(columns.ownerId, actor.userId), eq(columns.shared, true))) as SQL;
}

/** Its owner changes such a thing; an admin also changes the shared ones. */
export function mayChangeShared(actor: Actor, row: { ownerId: string; shared: boolean }): boolean {
  return row.ownerId === actor.userId || (row.shared && actor.role === 'admin');
}

/** The SQL form of `mayChangeShared`, for the WHERE of the write itself (no check-then-write race). */
export function changeableBy(actor: Actor, columns: { workspaceId: AnyColumn; ownerId: AnyColumn; shared: AnyColumn }): SQL {
  const owner = eq(columns.ownerId, actor.userId);
  return and(eq(columns.workspaceId, actor.workspaceId), actor.role === 'admin' ? or(owner, eq(columns.shared, true)) : owner) as SQL;
}
