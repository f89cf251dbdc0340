import type { TCompanyGroup, TCreateCompanyGroupInput, TUpdateCompanyGroupInput } from '@clientela/contract';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { definePolicy } from '../authz/index.ts';
import { companyPolicy } from './companies.policy.ts';
import { companies, companyGroups } from './companies.table.ts';

/** Everyone may see a group; admins and managers shape them. Linking a company is a company update. */
export const companyGroupPolicy = definePolicy<'read' | 'create' | 'update' | 'delete'>('company-groups', {
  admin: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  manager: { read: 'all', create: 'all', update: 'all', delete: 'all' },
  employee: { read: 'all' },
});

type GroupRow = typeof companyGroups.$inferSelect;

async function findGroup(db: Executor, workspaceId: string, id: string): Promise<GroupRow> {
  const [row] = await db
    .select()
    .from(companyGroups)
    .where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, id)));
  if (!row) throw notFound('group');
  return row;
}

const memberCount = sql<number>`(SELECT count(*)::int FROM company c
  WHERE c.workspace_id = company_group.workspace_id AND c.group_id = company_group.id AND c.deleted_at IS NULL)`;

/** The workspace's client groups with their sizes. */
export async function listCompanyGroups(ctx: Ctx) {
  await companyGroupPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select({ group: companyGroups, memberCount })
    .from(companyGroups)
    .where(eq(companyGroups.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(companyGroups.name), asc(companyGroups.id));
  return {
    data: rows.map(({ group, memberCount }) => ({
      id: group.id,
      name: group.name,
      notes: group.notes,
      memberCount,
      createdAt: group.createdAt.toISOString(),
    })),
    nextCursor: null,
    total: rows.length,
  };
}

/** A group with the members the actor may see. */
export async function getCompanyGroup(ctx: Ctx, id: string): Promise<TCompanyGroup> {
  await companyGroupPolicy.authorize(ctx.actor, 'read', undefined, false);
  const group = await findGroup(ctx.db, ctx.actor.workspaceId, id);
  const where = and(eq(companies.workspaceId, group.workspaceId), eq(companies.groupId, id), isNull(companies.deletedAt));
  const [members, [all]] = await Promise.all([
    ctx.db
      .select({
        id: companies.id,
        name: companies.name,
        city: companies.city,
        status: companies.status,
        parentCompanyId: companies.parentCompanyId,
      })
      .from(companies)
      .where(and(where, await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId })))
      .orderBy(asc(companies.name)),
    ctx.db.select({ n: count() }).from(companies).where(where),
  ]);
  return {
    id: group.id,
    name: group.name,
    notes: group.notes,
    members,
    memberCount: all?.n ?? 0,
    createdAt: group.createdAt.toISOString(),
  };
}

export async function createCompanyGroup(ctx: Ctx, input: TCreateCompanyGroupInput): Promise<TCompanyGroup> {
  await companyGroupPolicy.authorize(ctx.actor, 'create');
  const [row] = await ctx.db
    .insert(companyGroups)
    .values({ ...input, workspaceId: ctx.actor.workspaceId })
    .returning();
  if (!row) throw new Error('group insert returned nothing');
  return getCompanyGroup(ctx, row.id);
}

export async function updateCompanyGroup(ctx: Ctx, id: string, input: TUpdateCompanyGroupInput): Promise<TCompanyGroup> {
  await companyGroupPolicy.authorize(ctx.actor, 'update');
  await findGroup(ctx.db, ctx.actor.workspaceId, id);
  await ctx.db
    .update(companyGroups)
    .set(input)
    .where(and(eq(companyGroups.workspaceId, ctx.actor.workspaceId), eq(companyGroups.id, id)));
  return getCompanyGroup(ctx, id);
}

/** Dissolves a group: its companies stay, unlinked. */
export async function deleteCompanyGroup(ctx: Ctx, id: string): Promise<void> {
  await companyGroupPolicy.authorize(ctx.actor, 'delete');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    await findGroup(tx, workspaceId, id);
    await tx
      .update(companies)
      .set({ groupId: null, parentCompanyId: null })
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.groupId, id)));
    await tx.delete(companyGroups).where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, id)));
  });
}
