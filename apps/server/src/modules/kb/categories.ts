import { type TKbCategory, type TKbCategoryInput, ZKbCategoryInput, ZUpdateKbCategoryInput } from '@clientela/contract';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { kbCategoryPolicy } from './kb.policy.ts';
import { kbArticles, kbCategories } from './kb.table.ts';

/**
 * The categories of a workspace with how many published articles each holds; `visible` narrows
 * the articles counted (the public base counts only its public ones).
 */
export async function categoriesWithCounts(db: Executor, workspaceId: string, visible: SQL = sql`true`): Promise<TKbCategory[]> {
  const counted = db
    .select({ categoryId: kbArticles.categoryId, n: sql<number>`count(*)::int`.as('n') })
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, workspaceId), sql`${kbArticles.deletedAt} IS NULL`, eq(kbArticles.status, 'published'), visible))
    .groupBy(kbArticles.categoryId)
    .as('counted');
  const rows = await db
    .select({
      id: kbCategories.id,
      name: kbCategories.name,
      parentId: kbCategories.parentId,
      position: kbCategories.position,
      articles: sql<number>`coalesce(${counted.n}, 0)`.mapWith(Number),
    })
    .from(kbCategories)
    .leftJoin(counted, eq(counted.categoryId, kbCategories.id))
    .where(eq(kbCategories.workspaceId, workspaceId))
    .orderBy(asc(kbCategories.position), asc(kbCategories.name), asc(kbCategories.id));
  return rows;
}

/** The category tree, flat (each with its parent), with published-article counts. */
export async function listKbCategories(ctx: Ctx): Promise<{ data: TKbCategory[] }> {
  await kbCategoryPolicy.authorize(ctx.actor, 'read');
  return { data: await categoriesWithCounts(ctx.db, ctx.actor.workspaceId) };
}

async function presentCategory(db: Executor, workspaceId: string, id: string): Promise<TKbCategory> {
  const found = (await categoriesWithCounts(db, workspaceId, eq(kbArticles.categoryId, id))).find((c) => c.id === id);
  if (!found) throw notFound('category');
  return found;
}

const badParent = (message: string) => new AppError('validation_failed', message, { errors: [{ path: 'parentId', message }] });

/**
 * A parent must be a category of the workspace, and not the category itself or one below it
 * (which would make a loop). 400 naming `parentId` otherwise.
 */
async function checkParent(db: Executor, workspaceId: string, parentId: string, self?: string): Promise<void> {
  const result = await db.execute<{ id: string }>(sql`WITH RECURSIVE up AS (
      SELECT id, parent_id, 1 AS depth FROM kb_category WHERE workspace_id = ${workspaceId} AND id = ${parentId}
      UNION ALL
      SELECT c.id, c.parent_id, up.depth + 1 FROM kb_category c JOIN up ON c.workspace_id = ${workspaceId} AND c.id = up.parent_id
      WHERE up.depth < 100)
    SELECT id FROM up`);
  if (result.rows.length === 0) throw badParent('No such category');
  if (self && result.rows.some((row) => row.id === self)) throw badParent('A category cannot be placed inside itself');
}

/** Adds a category (managers and admins). */
export async function createKbCategory(ctx: Ctx, raw: TKbCategoryInput): Promise<TKbCategory> {
  const input = ZKbCategoryInput.parse(raw);
  await kbCategoryPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    if (input.parentId) await checkParent(tx, workspaceId, input.parentId);
    const [row] = await tx
      .insert(kbCategories)
      .values({ workspaceId, name: input.name, parentId: input.parentId ?? null, position: input.position ?? 0 })
      .returning({ id: kbCategories.id });
    if (!row) throw new Error('kb_category insert returned nothing');
    return presentCategory(tx, workspaceId, row.id);
  });
}

/** Renames, moves or reorders a category (managers and admins). */
export async function updateKbCategory(ctx: Ctx, id: string, raw: z.infer<typeof ZUpdateKbCategoryInput>): Promise<TKbCategory> {
  const input = ZUpdateKbCategoryInput.parse(raw);
  await kbCategoryPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(kbCategories.workspaceId, workspaceId), eq(kbCategories.id, id));
    const [row] = await tx.select().from(kbCategories).where(where).for('update');
    if (!row) throw notFound('category');
    if (input.parentId) await checkParent(tx, workspaceId, input.parentId, id);
    await tx
      .update(kbCategories)
      .set({
        name: input.name ?? row.name,
        parentId: input.parentId === undefined ? row.parentId : input.parentId,
        position: input.position ?? row.position,
      })
      .where(where);
    return presentCategory(tx, workspaceId, id);
  });
}

/**
 * Deletes a category: its articles stay, without a category, and its sub-categories move up to
 * its parent. (The article's foreign key cannot null only the category column by itself, so the
 * articles are let go first.)
 */
export async function deleteKbCategory(ctx: Ctx, id: string): Promise<void> {
  await kbCategoryPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const where = and(eq(kbCategories.workspaceId, workspaceId), eq(kbCategories.id, id));
    const [row] = await tx.select().from(kbCategories).where(where).for('update');
    if (!row) throw notFound('category');
    await tx
      .update(kbArticles)
      .set({ categoryId: null })
      .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.categoryId, id)));
    await tx
      .update(kbCategories)
      .set({ parentId: row.parentId })
      .where(and(eq(kbCategories.workspaceId, workspaceId), eq(kbCategories.parentId, id)));
    await tx.delete(kbCategories).where(where);
  });
}
