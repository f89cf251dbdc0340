import type { TCreateViewInput, TRecordEntity, TSavedView, TUpdateViewInput } from '@clientela/contract';
import { ZCreateViewInput } from '@clientela/contract';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { changeableBy, mayChangeShared, ownOrShared } from '../authz/index.ts';
import { users } from '../users/index.ts';
import { checkColumns, checkSavedQuery } from './saved-query.ts';
import { savedViews } from './views.table.ts';

type Row = typeof savedViews.$inferSelect;

const visible = (ctx: Ctx) => ownOrShared(ctx.actor, savedViews);
const editable = (ctx: Ctx, row: Row) => mayChangeShared(ctx.actor, row);

function present(ctx: Ctx, row: Row, ownerName: string | null): TSavedView {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    shared: row.shared,
    owner: ownerName === null ? null : { id: row.ownerId, name: ownerName },
    query: row.query,
    columns: row.columns,
    editable: editable(ctx, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ownerJoin = and(eq(users.workspaceId, savedViews.workspaceId), eq(users.id, savedViews.ownerId));

/** The actor's views first, then the shared ones, each by name. */
export async function listViews(ctx: Ctx, entity: TRecordEntity | undefined) {
  const rows = await ctx.db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .leftJoin(users, ownerJoin)
    .where(and(visible(ctx), entity ? eq(savedViews.entity, entity) : undefined))
    .orderBy(desc(sql`${savedViews.ownerId} = ${ctx.actor.userId}`), asc(savedViews.name), asc(savedViews.id));
  return { data: rows.map(({ view, ownerName }) => present(ctx, view, ownerName)), nextCursor: null, total: rows.length };
}

async function findVisible(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .leftJoin(users, ownerJoin)
    .where(and(visible(ctx), eq(savedViews.id, id)));
  if (!row) throw notFound('view');
  return row;
}

export async function getView(ctx: Ctx, id: string): Promise<TSavedView> {
  const { view, ownerName } = await findVisible(ctx, id);
  return present(ctx, view, ownerName);
}

/** Saves a list's query and columns under a name; anyone may save views, and share them. */
export async function createView(ctx: Ctx, raw: TCreateViewInput): Promise<TSavedView> {
  const input = ZCreateViewInput.parse(raw);
  const { workspaceId, userId } = ctx.actor;
  await checkSavedQuery(ctx.db, workspaceId, input.entity, input.query);
  await checkColumns(ctx.db, workspaceId, input.entity, input.columns);
  const [row] = await ctx.db
    .insert(savedViews)
    .values({
      workspaceId,
      ownerId: userId,
      entity: input.entity,
      name: input.name,
      shared: input.shared,
      query: input.query,
      columns: input.columns,
    })
    .returning();
  if (!row) throw new Error('view insert returned nothing');
  return getView(ctx, row.id);
}

export async function updateView(ctx: Ctx, id: string, input: TUpdateViewInput): Promise<TSavedView> {
  const { view } = await findVisible(ctx, id);
  if (!editable(ctx, view)) throw forbidden();
  if (input.query) await checkSavedQuery(ctx.db, ctx.actor.workspaceId, view.entity, input.query);
  if (input.columns) await checkColumns(ctx.db, ctx.actor.workspaceId, view.entity, input.columns);
  // The right to change it is checked again in the write: it may have been unshared meanwhile.
  const changed = await ctx.db
    .update(savedViews)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(changeableBy(ctx.actor, savedViews), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  if (changed.length === 0) throw forbidden();
  return getView(ctx, id);
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const { view } = await findVisible(ctx, id);
  if (!editable(ctx, view)) throw forbidden();
  const deleted = await ctx.db
    .delete(savedViews)
    .where(and(changeableBy(ctx.actor, savedViews), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw forbidden();
}
