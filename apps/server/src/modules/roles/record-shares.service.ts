import type { TCreateRecordShareInput, TRecordShare, TRecordShareQuery, TShareableEntity } from '@clientela/contract';
import { aliasedTable, and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { authorize, can, type ShareAccess } from '../authz/index.ts';
import { supportCases } from '../cases/cases.table.ts';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { deals } from '../deals/deals.table.ts';
import { leads } from '../leads/leads.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { recordShares } from './record-shares.table.ts';

type Shareable = {
  table: PgTable;
  workspaceId: AnyPgColumn;
  id: AnyPgColumn;
  ownerId: AnyPgColumn;
  unitId: AnyPgColumn;
  deletedAt?: AnyPgColumn;
};

const shareable = (table: PgTable & Omit<Shareable, 'table'>): Shareable => ({
  table,
  workspaceId: table.workspaceId,
  id: table.id,
  ownerId: table.ownerId,
  unitId: table.unitId,
  deletedAt: table.deletedAt,
});

/** The table behind each shareable entity. */
const TABLES: Record<TShareableEntity, Shareable> = {
  companies: shareable(companies),
  contacts: shareable(contacts),
  deals: shareable(deals),
  cases: shareable(supportCases),
  leads: shareable(leads),
};

/**
 * Reads the widest access the shares of one record give a person, directly or through their
 * unit; the actor keeps one per request (see `actorOf`).
 */
export function shareLoader(db: Database, workspaceId: string, userId: string, unitId: string | null) {
  return async (entity: string, recordId: string): Promise<ShareAccess | null> => {
    const target = unitId ? or(eq(recordShares.userId, userId), eq(recordShares.unitId, unitId)) : eq(recordShares.userId, userId);
    const rows = await db
      .select({ access: recordShares.access })
      .from(recordShares)
      .where(and(eq(recordShares.workspaceId, workspaceId), eq(recordShares.entity, entity), eq(recordShares.recordId, recordId), target));
    if (rows.some((row) => row.access === 'update')) return 'update';
    return rows.length > 0 ? 'read' : null;
  };
}

/**
 * The resources of which some record is shared with the person or their unit, read once for a
 * signed-in actor: a list asks for shared records only where there are any (see `scopeFilter`).
 * Any change to shares makes every process forget its cached sign-ins (a trigger's NOTIFY), and
 * with them this answer. A failed read is not remembered.
 */
export function sharedResourcesLoader(db: Database, workspaceId: string, userId: string, unitId: string | null) {
  let loaded: Promise<ReadonlySet<string>> | undefined;
  const load = async (): Promise<ReadonlySet<string>> => {
    const target = unitId ? or(eq(recordShares.userId, userId), eq(recordShares.unitId, unitId)) : eq(recordShares.userId, userId);
    // Each shareable entity named: the share indexes lead with the entity, then the person or unit.
    const entities = Object.keys(TABLES);
    const rows = await db
      .selectDistinct({ entity: recordShares.entity })
      .from(recordShares)
      .where(and(eq(recordShares.workspaceId, workspaceId), inArray(recordShares.entity, entities), target));
    return new Set(rows.map((row) => row.entity));
  };
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

/** Loads the record and lets through only who may change it: 404 when they cannot even see it, 403 when they can. */
async function assertMayShare(ctx: Ctx, entity: TShareableEntity, recordId: string): Promise<void> {
  const t = TABLES[entity];
  const where: SQL[] = [eq(t.workspaceId, ctx.actor.workspaceId), eq(t.id, recordId)];
  if (t.deletedAt) where.push(isNull(t.deletedAt));
  const [row] = await ctx.db
    .select({ ownerId: t.ownerId, unitId: t.unitId })
    .from(t.table)
    .where(and(...where))
    .limit(1);
  if (!row) throw notFound('record');
  const ref = { id: recordId, ownerId: row.ownerId as string | null, unitId: row.unitId as string | null };
  const visible = await can(ctx.actor, entity, 'read', ref);
  await authorize(ctx.actor, entity, 'update', ref, visible);
}

const sharedBy = aliasedTable(users, 'shared_by');

async function listOf(ctx: Ctx, where: SQL): Promise<TRecordShare[]> {
  const rows = await ctx.db
    .select({ share: recordShares, userName: users.name, unitName: units.name, createdByName: sharedBy.name })
    .from(recordShares)
    .leftJoin(users, and(eq(users.workspaceId, recordShares.workspaceId), eq(users.id, recordShares.userId)))
    .leftJoin(units, and(eq(units.workspaceId, recordShares.workspaceId), eq(units.id, recordShares.unitId)))
    .leftJoin(sharedBy, and(eq(sharedBy.workspaceId, recordShares.workspaceId), eq(sharedBy.id, recordShares.createdById)))
    .where(and(eq(recordShares.workspaceId, ctx.actor.workspaceId), where))
    .orderBy(asc(recordShares.createdAt), asc(recordShares.id));
  return rows.map(({ share, userName, unitName, createdByName }) => ({
    id: share.id,
    entity: share.entity as TShareableEntity,
    recordId: share.recordId,
    userId: share.userId,
    unitId: share.unitId,
    name: userName ?? unitName ?? '',
    access: share.access,
    createdById: share.createdById,
    createdByName,
    createdAt: share.createdAt.toISOString(),
  }));
}

/** Who a record is shared with; only who may change the record sees it. */
export async function listRecordShares(ctx: Ctx, query: TRecordShareQuery): Promise<{ data: TRecordShare[] }> {
  await assertMayShare(ctx, query.entity, query.recordId);
  return {
    data: await listOf(ctx, and(eq(recordShares.entity, query.entity), eq(recordShares.recordId, query.recordId)) as SQL),
  };
}

/** Shares a record with a person or a unit of the workspace; the same target again changes the access. */
export async function shareRecord(ctx: Ctx, input: TCreateRecordShareInput): Promise<TRecordShare> {
  const workspaceId = ctx.actor.workspaceId;
  await assertMayShare(ctx, input.entity, input.recordId);
  if (input.userId) {
    const [user] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, input.userId)));
    if (!user) throw invalidTarget('userId', 'No such person');
  }
  if (input.unitId) {
    const [unit] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, workspaceId), eq(units.id, input.unitId)));
    if (!unit) throw invalidTarget('unitId', 'No such unit');
  }
  const values = {
    workspaceId,
    entity: input.entity,
    recordId: input.recordId,
    userId: input.userId ?? null,
    unitId: input.unitId ?? null,
    access: input.access ?? 'read',
    createdById: ctx.actor.userId,
  };
  const target = input.userId ? recordShares.userId : recordShares.unitId;
  const targetWhere = input.userId ? isNotNullWhere(recordShares.userId) : isNotNullWhere(recordShares.unitId);
  const [row] = await ctx.db
    .insert(recordShares)
    .values(values)
    .onConflictDoUpdate({
      target: [recordShares.workspaceId, recordShares.entity, recordShares.recordId, target],
      targetWhere,
      set: { access: input.access },
    })
    .returning({ id: recordShares.id });
  const [share] = row ? await listOf(ctx, eq(recordShares.id, row.id)) : [];
  if (!share) throw notFound('share');
  return share;
}

/** Removes a share; who may change the shared record may remove it. */
export async function removeRecordShare(ctx: Ctx, id: string): Promise<void> {
  const [share] = await ctx.db
    .select({ entity: recordShares.entity, recordId: recordShares.recordId })
    .from(recordShares)
    .where(and(eq(recordShares.workspaceId, ctx.actor.workspaceId), eq(recordShares.id, id)));
  if (!share) throw notFound('share');
  await assertMayShare(ctx, share.entity as TShareableEntity, share.recordId);
  await ctx.db.delete(recordShares).where(and(eq(recordShares.workspaceId, ctx.actor.workspaceId), eq(recordShares.id, id)));
}

function isNotNullWhere(column: AnyPgColumn): SQL {
  return sql`${column} IS NOT NULL`;
}

function invalidTarget(path: string, message: string) {
  return new AppError('validation_failed', message, { errors: [{ path, message }] });
}
