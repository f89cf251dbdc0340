import {
  leadIsIdentified,
  type TCreateLeadInput,
  type TDisqualifyLeadInput,
  type TLeadStatusInput,
  type TUpdateLeadInput,
} from '@clientela/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { campaigns, leadSources } from '../campaigns/campaigns.table.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { findLead, invalid, type LeadRow } from './lead-rows.ts';
import { leadPolicy } from './leads.policy.ts';
import { leads } from './leads.table.ts';

/** What a lead, a web form or a conversion may point to: each must be the workspace's. */
export type LeadRefs = {
  ownerId?: string | null | undefined;
  unitId?: string | null | undefined;
  sourceId?: string | null | undefined;
  campaignId?: string | null | undefined;
};

/**
 * Checks every reference at once: the owner an active user, the unit, the source and the campaign
 * (not removed) of the workspace; 400 naming each one that is not. Returns the owner's unit.
 */
export async function checkLeadRefs(db: Executor, workspaceId: string, refs: LeadRefs): Promise<{ ownerUnitId: string | null }> {
  const [found] = await db
    .execute<{ owner: boolean; owner_unit: string | null; unit: boolean; source: boolean; campaign: boolean }>(sql`
    SELECT
      EXISTS (SELECT 1 FROM ${users} WHERE ${users.workspaceId} = ${workspaceId} AND ${users.id} = ${refs.ownerId ?? null}::uuid AND ${users.active}) AS owner,
      (SELECT ${users.unitId} FROM ${users} WHERE ${users.workspaceId} = ${workspaceId} AND ${users.id} = ${refs.ownerId ?? null}::uuid) AS owner_unit,
      EXISTS (SELECT 1 FROM ${units} WHERE ${units.workspaceId} = ${workspaceId} AND ${units.id} = ${refs.unitId ?? null}::uuid) AS unit,
      EXISTS (SELECT 1 FROM ${leadSources} WHERE ${leadSources.workspaceId} = ${workspaceId} AND ${leadSources.id} = ${refs.sourceId ?? null}::uuid) AS source,
      EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.workspaceId} = ${workspaceId} AND ${campaigns.id} = ${refs.campaignId ?? null}::uuid
        AND ${campaigns.deletedAt} IS NULL) AS campaign`)
    .then((r) => r.rows);
  const errors: FieldError[] = [];
  if (refs.ownerId && !found?.owner) errors.push({ path: 'ownerId', message: 'No such user' });
  if (refs.unitId && !found?.unit) errors.push({ path: 'unitId', message: 'No such unit' });
  if (refs.sourceId && !found?.source) errors.push({ path: 'sourceId', message: 'No such lead source' });
  if (refs.campaignId && !found?.campaign) errors.push({ path: 'campaignId', message: 'No such campaign' });
  if (errors.length > 0) throw invalid('A record this refers to does not exist', errors);
  return { ownerUnitId: found?.owner_unit ?? null };
}

/** Empty texts are kept as "not known". */
const orNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value === '' ? null : value);

/** The lead's columns from an input: only the fields sent. */
export function leadValues(input: TUpdateLeadInput) {
  return {
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    companyName: orNull(input.companyName),
    position: orNull(input.position),
    email: orNull(input.email),
    phone: orNull(input.phone),
    city: orNull(input.city),
    language: input.language,
    message: orNull(input.message),
    marketingConsent: input.marketingConsent,
    ownerId: input.ownerId,
    unitId: input.unitId,
    sourceId: input.sourceId,
    campaignId: input.campaignId,
  };
}

/** A lead must name someone: 400 otherwise. */
function assertIdentified(row: Parameters<typeof leadIsIdentified>[0]) {
  if (!leadIsIdentified(row)) {
    throw invalid('Give a name, a company, an e-mail or a phone', [
      { path: 'firstName', message: 'Give a name, a company, an e-mail or a phone' },
    ]);
  }
}

/** Registers a lead by hand: owned by the actor unless told, in the owner's unit. */
export async function createLead(ctx: Ctx, input: TCreateLeadInput): Promise<string> {
  const workspaceId = ctx.actor.workspaceId;
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  const { ownerUnitId } = await checkLeadRefs(ctx.db, workspaceId, { ...input, ownerId });
  const unitId = input.unitId === undefined ? (ownerId === ctx.actor.userId ? ctx.actor.unitId : ownerUnitId) : input.unitId;
  await leadPolicy.authorize(ctx.actor, 'create', { ownerId, unitId });
  const values = leadValues(input);
  assertIdentified(values);
  const [row] = await ctx.db
    .insert(leads)
    .values({ ...values, workspaceId, channel: 'manual', ownerId, unitId, createdById: ctx.actor.userId })
    .returning({ id: leads.id });
  if (!row) throw new Error('lead insert returned nothing');
  return row.id;
}

/** The lead, locked, once the actor may work it: 403 otherwise, 409 when it is already converted. */
async function workable(ctx: Ctx, tx: Executor, id: string): Promise<LeadRow> {
  const row = await findLead(ctx, tx, id, true);
  await leadPolicy.authorize(ctx.actor, 'update', row);
  if (row.status === 'converted') throw new AppError('status_transition_invalid', 'The lead is converted: it no longer changes');
  return row;
}

/** Changes the fields sent; a new owner must stay within the actor's reach. */
export async function updateLead(ctx: Ctx, id: string, input: TUpdateLeadInput): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const { ownerUnitId } = await checkLeadRefs(ctx.db, workspaceId, input);
  await ctx.db.transaction(async (tx) => {
    const current = await workable(ctx, tx, id);
    const values = leadValues(input);
    // A new owner brings their unit along, unless a unit is sent too.
    if (input.ownerId !== undefined && input.unitId === undefined && input.ownerId !== current.ownerId) values.unitId = ownerUnitId;
    const ownerId = values.ownerId === undefined ? current.ownerId : values.ownerId;
    const unitId = values.unitId === undefined ? current.unitId : values.unitId;
    if (ownerId !== current.ownerId || unitId !== current.unitId) await leadPolicy.authorize(ctx.actor, 'update', { ownerId, unitId });
    const [after] = await tx
      .update(leads)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(leads.workspaceId, workspaceId), eq(leads.id, id)))
      .returning();
    if (!after) throw new Error('lead update returned nothing');
    assertIdentified(after);
  });
}

/** Moves a lead back to new, to working or to qualified (a disqualified one comes back this way). */
export async function setLeadStatus(ctx: Ctx, id: string, input: TLeadStatusInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await workable(ctx, tx, id);
    await tx
      .update(leads)
      .set({ status: input.status, disqualifyReason: null, updatedAt: sql`now()` })
      .where(and(eq(leads.workspaceId, ctx.actor.workspaceId), eq(leads.id, id)));
  });
}

/** Marks a lead as not worth working, with the reason. */
export async function disqualifyLead(ctx: Ctx, id: string, input: TDisqualifyLeadInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await workable(ctx, tx, id);
    await tx
      .update(leads)
      .set({ status: 'disqualified', disqualifyReason: input.reason, updatedAt: sql`now()` })
      .where(and(eq(leads.workspaceId, ctx.actor.workspaceId), eq(leads.id, id)));
  });
}

/** Removes a lead from lists (kept in the table; what it was converted into stays). */
export async function deleteLead(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findLead(ctx, tx, id, true);
    await leadPolicy.authorize(ctx.actor, 'delete', row);
    await tx
      .update(leads)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(leads.workspaceId, ctx.actor.workspaceId), eq(leads.id, id), isNull(leads.deletedAt)));
  });
}
