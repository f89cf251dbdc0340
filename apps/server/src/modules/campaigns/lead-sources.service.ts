import type { TCreateLeadSourceInput, TLeadSource, TLeadSourceOrderInput, TUpdateLeadSourceInput } from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { marketingPolicy } from './campaigns.policy.ts';
import { leadSources } from './campaigns.table.ts';
import { invalid, isUniqueViolation } from './shared.ts';

const present = (row: typeof leadSources.$inferSelect): TLeadSource => ({
  id: row.id,
  name: row.name,
  position: row.position,
  active: row.active,
});

/** The workspace's lead sources in their order, inactive ones included. */
export async function listLeadSources(ctx: Ctx): Promise<TLeadSource[]> {
  await marketingPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select()
    .from(leadSources)
    .where(eq(leadSources.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(leadSources.position), asc(leadSources.name));
  return rows.map(present);
}

/** A write whose name must be unique in the workspace: 409 `duplicate_name` when it is taken. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'lead_source_name_key'))
      throw new AppError('duplicate_name', 'A lead source has this name already', {
        errors: [{ path: 'name', message: 'Taken' }],
      });
    throw error;
  }
}

/** A new lead source, last in the order unless a position is given. */
export async function createLeadSource(ctx: Ctx, input: TCreateLeadSourceInput): Promise<TLeadSource> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await uniqueName(() =>
    ctx.db
      .insert(leadSources)
      .values({
        workspaceId,
        name: input.name,
        active: input.active ?? true,
        position:
          input.position ?? sql<number>`(SELECT coalesce(max(position) + 1, 0) FROM lead_source WHERE workspace_id = ${workspaceId})`,
      })
      .returning(),
  );
  if (!row) throw new Error('lead source insert returned nothing');
  return present(row);
}

/** Renames, deactivates or moves a lead source. */
export async function updateLeadSource(ctx: Ctx, id: string, input: TUpdateLeadSourceInput): Promise<TLeadSource> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  if (Object.keys(input).length === 0) return getLeadSource(ctx, ctx.db, id);
  const [row] = await uniqueName(() =>
    ctx.db
      .update(leadSources)
      .set(input)
      .where(and(eq(leadSources.workspaceId, ctx.actor.workspaceId), eq(leadSources.id, id)))
      .returning(),
  );
  if (!row) throw notFound('lead source');
  return present(row);
}

async function getLeadSource(ctx: Ctx, db: Executor, id: string): Promise<TLeadSource> {
  const [row] = await db
    .select()
    .from(leadSources)
    .where(and(eq(leadSources.workspaceId, ctx.actor.workspaceId), eq(leadSources.id, id)));
  if (!row) throw notFound('lead source');
  return present(row);
}

/** Puts the sources in the order given: every source of the workspace, each once. */
export async function orderLeadSources(ctx: Ctx, input: TLeadSourceOrderInput): Promise<TLeadSource[]> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ id: leadSources.id }).from(leadSources).where(eq(leadSources.workspaceId, workspaceId)).for('update');
    const known = new Set(rows.map((r) => r.id));
    const given = new Set(input.ids);
    if (given.size !== input.ids.length || given.size !== known.size || input.ids.some((id) => !known.has(id)))
      throw invalid('ids', 'Every lead source, each once');
    for (const [position, id] of input.ids.entries()) {
      await tx
        .update(leadSources)
        .set({ position })
        .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)));
    }
  });
  return listLeadSources(ctx);
}

/** Removes a lead source nothing uses; 409 `in_use` otherwise (deactivate it instead). */
export async function deleteLeadSource(ctx: Ctx, id: string): Promise<void> {
  await marketingPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: leadSources.id })
      .from(leadSources)
      .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)))
      .for('update');
    if (!row) throw notFound('lead source');
    const used = await tx.execute<{ used: boolean }>(sql`SELECT (
        EXISTS (SELECT 1 FROM campaign WHERE workspace_id = ${workspaceId} AND source_id = ${id})
        OR EXISTS (SELECT 1 FROM lead WHERE workspace_id = ${workspaceId} AND (source_id = ${id} OR converted_source_id = ${id}))
        OR EXISTS (SELECT 1 FROM contact WHERE workspace_id = ${workspaceId} AND (source_id = ${id} OR converted_source_id = ${id}))
        OR EXISTS (SELECT 1 FROM company WHERE workspace_id = ${workspaceId} AND (source_id = ${id} OR converted_source_id = ${id}))
        OR EXISTS (SELECT 1 FROM deal WHERE workspace_id = ${workspaceId} AND (source_id = ${id} OR converted_source_id = ${id}))
        OR EXISTS (SELECT 1 FROM web_form WHERE workspace_id = ${workspaceId} AND source_id = ${id})
      ) AS used`);
    if (used.rows[0]?.used) throw new AppError('in_use', 'Records still come from this lead source: deactivate it instead');
    await tx.delete(leadSources).where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)));
  });
}
