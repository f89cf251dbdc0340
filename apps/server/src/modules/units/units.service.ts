import type { TCreateUnitInput, TUnit, TUpdateUnitInput } from '@clientela/contract';
import { ZCreateUnitInput } from '@clientela/contract';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/users.table.ts';
import { unitSubtree } from './unit-tree.ts';
import { unitPolicy } from './units.policy.ts';
import { units } from './units.table.ts';

type UnitRow = typeof units.$inferSelect;

function presentUnit(row: UnitRow, memberCount: number): TUnit {
  return { id: row.id, name: row.name, parentId: row.parentId, memberCount, createdAt: row.createdAt.toISOString() };
}

/** The whole unit tree of the workspace, flat, with member counts. */
export async function listUnits(ctx: Ctx) {
  await unitPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select({ unit: units, members: count(users.id) })
    .from(units)
    .leftJoin(users, and(eq(users.workspaceId, units.workspaceId), eq(users.unitId, units.id)))
    .where(eq(units.workspaceId, ctx.actor.workspaceId))
    .groupBy(units.workspaceId, units.id)
    .orderBy(asc(units.name), asc(units.id));
  return { data: rows.map((row) => presentUnit(row.unit, row.members)), nextCursor: null, total: rows.length };
}

async function findUnit(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, id)))
    .limit(1);
  if (!row) throw notFound('unit');
  return row;
}

async function memberCountOf(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.unitId, id)));
  return row?.n ?? 0;
}

async function assertParent(db: Executor, workspaceId: string, parentId: string | null | undefined) {
  if (!parentId) return;
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, parentId)))
    .limit(1);
  if (!row) throw new AppError('validation_failed', 'No such parent unit', { errors: [{ path: 'parentId', message: 'No such unit' }] });
}

export async function getUnit(ctx: Ctx, id: string) {
  await unitPolicy.authorize(ctx.actor, 'read', undefined, false);
  const row = await findUnit(ctx.db, ctx.actor.workspaceId, id);
  return presentUnit(row, await memberCountOf(ctx.db, row.workspaceId, row.id));
}

export async function createUnit(ctx: Ctx, raw: TCreateUnitInput) {
  await unitPolicy.authorize(ctx.actor, 'create');
  const input = ZCreateUnitInput.parse(raw);
  await assertParent(ctx.db, ctx.actor.workspaceId, input.parentId);
  const [row] = await ctx.db
    .insert(units)
    .values({ ...input, workspaceId: ctx.actor.workspaceId })
    .returning();
  if (!row) throw new Error('unit insert returned nothing');
  return presentUnit(row, 0);
}

/** Renames or moves a unit; a unit cannot move below itself. */
export async function updateUnit(ctx: Ctx, id: string, input: TUpdateUnitInput) {
  await unitPolicy.authorize(ctx.actor, 'update');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    await findUnit(tx, workspaceId, id);
    if (input.parentId) {
      await assertParent(tx, workspaceId, input.parentId);
      if ((await unitSubtree(tx, workspaceId, id)).has(input.parentId)) {
        throw new AppError('unit_cycle', 'A unit cannot be placed inside itself or its sub-units', {
          errors: [{ path: 'parentId', message: 'Would make a cycle' }],
        });
      }
    }
    const [row] = await tx
      .update(units)
      .set(input)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.id, id)))
      .returning();
    if (!row) throw notFound('unit');
    return presentUnit(row, await memberCountOf(tx, workspaceId, id));
  });
}

/** Deletes an empty unit: one with no sub-units and no members. */
export async function deleteUnit(ctx: Ctx, id: string) {
  await unitPolicy.authorize(ctx.actor, 'delete');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    await findUnit(tx, workspaceId, id);
    const [child] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.parentId, id)))
      .limit(1);
    if (child) throw new AppError('unit_has_children', 'Move or delete the sub-units first');
    if ((await memberCountOf(tx, workspaceId, id)) > 0) throw new AppError('unit_in_use', 'Move the members to another unit first');
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.unitId, id)))
      .limit(1);
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.unitId, id)))
      .limit(1);
    if (company || contact) throw new AppError('unit_in_use', "Move the unit's customers to another unit first");
    await tx.delete(units).where(and(eq(units.workspaceId, workspaceId), eq(units.id, id)));
  });
}
