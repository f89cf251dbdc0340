import {
  COMPANY_MERGE_FIELDS,
  CONTACT_MERGE_FIELDS,
  type TCreateMergeInput,
  type TDuplicateEntity,
  type TMerge,
  ZCreateMergeInput,
} from '@clientela/contract';
import { and, arrayContains, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { moveRelationships, restoreRelationships } from '../activities/merge-moves.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy } from '../contacts/contacts.policy.ts';
import { contactCompanies, contacts } from '../contacts/contacts.table.ts';
import { withNormalisedCopies } from '../customers/index.ts';
import { recordChange, recordChanges } from '../history/index.ts';
import { users } from '../users/index.ts';
import { staticListMembers } from '../views/views.table.ts';
import { type MergeMoves, recordMerges } from './duplicates.table.ts';

type Row = Record<string, unknown> & { id: string; ownerId: string | null; unitId: string | null; custom: Record<string, unknown> };
type Labelled = { label: string; value: string };

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const nameOf = (entity: TDuplicateEntity, row: Row) => String(entity === 'company' ? row.name : `${row.firstName} ${row.lastName}`.trim());

function tableOf(entity: TDuplicateEntity) {
  return entity === 'company' ? companies : contacts;
}
const policyOf = (entity: TDuplicateEntity) => (entity === 'company' ? companyPolicy : contactPolicy);

/** Locks the records the actor may see among `ids`, in the order asked; 404 names the first missing one. */
async function lockVisible(ctx: Ctx, tx: Executor, entity: TDuplicateEntity, ids: string[], paths: string[]): Promise<Row[]> {
  const table = tableOf(entity);
  const rows = (await tx
    .select()
    .from(table)
    .where(
      and(
        eq(table.workspaceId, ctx.actor.workspaceId),
        inArray(table.id, ids),
        isNull(table.deletedAt),
        await policyOf(entity).filter(ctx.actor, 'read', { owner: table.ownerId, unit: table.unitId }),
      ),
    )
    .orderBy(table.id)
    .for('update')) as unknown as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0)
    throw new AppError('not_found', `No such ${entity}`, { errors: [{ path: paths[missing] ?? 'id', message: 'No such record' }] });
  return ids.map((id) => byId.get(id) as Row);
}

/** The survivor's values after the merge: chosen per field, lists joined. */
function mergedValues(entity: TDuplicateEntity, survivor: Row, others: Row[], choices: Record<string, string>) {
  const all = [survivor, ...others];
  const byId = new Map(all.map((r) => [r.id, r]));
  const fields: readonly string[] = entity === 'company' ? COMPANY_MERGE_FIELDS : CONTACT_MERGE_FIELDS;
  const errors: { path: string; message: string }[] = [];
  const customKeys = [...new Set(all.flatMap((r) => Object.keys(r.custom)))];
  for (const [field, id] of Object.entries(choices)) {
    const known = fields.includes(field) || (field.startsWith('custom.') && customKeys.includes(field.slice(7)));
    if (!known) errors.push({ path: `values.${field}`, message: 'Not a field that merges' });
    else if (!byId.has(id)) errors.push({ path: `values.${field}`, message: 'Not one of the merged records' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The merge is not valid', { errors });
  const pick = (field: string, read: (row: Row) => unknown) => {
    const chosen = choices[field];
    if (chosen) return read(byId.get(chosen) as Row);
    const own = read(survivor);
    return isEmpty(own) ? (others.map(read).find((value) => !isEmpty(value)) ?? own) : own;
  };
  const after: Record<string, unknown> = {};
  for (const field of fields) after[field] = pick(field, (row) => row[field] ?? null);
  const custom: Record<string, unknown> = {};
  for (const key of customKeys) {
    const value = pick(`custom.${key}`, (row) => row.custom[key] ?? null);
    if (!isEmpty(value)) custom[key] = value;
  }
  after.custom = custom;
  const joinBy = (field: 'phones' | 'emails', key: (v: string) => string) => {
    const joined: Labelled[] = [];
    for (const item of all.flatMap((r) => (r[field] as Labelled[]) ?? []))
      if (!joined.some((j) => key(j.value) === key(item.value))) joined.push(item);
    return joined.slice(0, 20);
  };
  after.phones = joinBy('phones', (v) => v.replace(/\D/g, '').slice(-10));
  after.emails = joinBy('emails', (v) => v.toLowerCase());
  after.tags = [...new Set(all.flatMap((r) => (r.tags as string[]) ?? []))].slice(0, 50);
  after.relationships = [...new Set(all.flatMap((r) => (r.relationships as string[]) ?? []))];
  return after;
}

/**
 * Merges records into a survivor: the chosen values and every phone, e-mail and tag stay; links,
 * list memberships, subsidiaries and history move over; the others go to the bin. One
 * transaction; what it did is kept so that `undoMerge` can put everything back.
 */
export async function createMerge(ctx: Ctx, raw: TCreateMergeInput): Promise<TMerge> {
  const input = ZCreateMergeInput.parse(raw);
  const { entity, survivorId } = input;
  const mergedIds = [...new Set(input.mergedIds)];
  if (mergedIds.includes(survivorId)) {
    throw new AppError('validation_failed', 'The survivor cannot be merged into itself', {
      errors: [{ path: `mergedIds.${input.mergedIds.indexOf(survivorId)}`, message: 'This is the survivor' }],
    });
  }
  const table = tableOf(entity);
  const policy = policyOf(entity);
  const workspaceId = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    const [survivor, ...others] = await lockVisible(
      ctx,
      tx,
      entity,
      [survivorId, ...mergedIds],
      ['survivorId', ...mergedIds.map((_, i) => `mergedIds.${i}`)],
    );
    if (!survivor) throw notFound(entity);
    await policy.authorize(ctx.actor, 'update', survivor);
    for (const other of others) await policy.authorize(ctx.actor, 'delete', other);
    const after = mergedValues(entity, survivor, others, input.values);
    const moved: MergeMoves = { links: [], listMembers: [], children: [], history: [] };
    // A company taking a merged company's place in its group.
    if (entity === 'company' && !survivor.groupId) {
      const grouped = others.find((o) => o.groupId);
      if (grouped) {
        after.groupId = grouped.groupId;
        after.parentCompanyId = grouped.parentCompanyId === survivor.id ? null : grouped.parentCompanyId;
      }
    }
    const before: Record<string, unknown> = {};
    const changed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(after)) {
      if (!same(survivor[field], value)) {
        before[field] = survivor[field] ?? null;
        changed[field] = value;
      }
    }
    if (Object.keys(changed).length > 0) {
      await tx
        .update(table)
        .set({ ...withNormalisedCopies(changed as Record<string, never>), updatedAt: sql`now()` })
        .where(and(eq(table.workspaceId, workspaceId), eq(table.id, survivorId)));
    }
    const ids = others.map((o) => o.id);
    // Links between contacts and companies.
    const linkColumn = entity === 'company' ? contactCompanies.companyId : contactCompanies.contactId;
    const links = await tx
      .select()
      .from(contactCompanies)
      .where(and(eq(contactCompanies.workspaceId, workspaceId), inArray(linkColumn, ids)));
    for (const link of links) {
      const target =
        entity === 'company' ? { contactId: link.contactId, companyId: survivorId } : { contactId: survivorId, companyId: link.companyId };
      const added = await tx
        .insert(contactCompanies)
        .values({ workspaceId, ...target, role: link.role })
        .onConflictDoNothing()
        .returning();
      moved.links.push({ contactId: link.contactId, companyId: link.companyId, role: link.role, added: added.length > 0 });
    }
    if (links.length > 0)
      await tx.delete(contactCompanies).where(and(eq(contactCompanies.workspaceId, workspaceId), inArray(linkColumn, ids)));
    // Memberships of static lists.
    const members = await tx
      .select()
      .from(staticListMembers)
      .where(and(eq(staticListMembers.workspaceId, workspaceId), inArray(staticListMembers.recordId, ids)));
    for (const member of members) {
      const added = await tx
        .insert(staticListMembers)
        .values({ workspaceId, listId: member.listId, recordId: survivorId, addedBy: member.addedBy })
        .onConflictDoNothing()
        .returning();
      moved.listMembers.push({ listId: member.listId, recordId: member.recordId, added: added.length > 0 });
    }
    if (members.length > 0)
      await tx
        .delete(staticListMembers)
        .where(and(eq(staticListMembers.workspaceId, workspaceId), inArray(staticListMembers.recordId, ids)));
    // Subsidiaries of a merged company now belong to the survivor, when it is in their group.
    if (entity === 'company') {
      const groupId = (changed.groupId ?? survivor.groupId) as string | null;
      const children = await tx
        .select({ id: companies.id, parentCompanyId: companies.parentCompanyId, groupId: companies.groupId })
        .from(companies)
        .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.parentCompanyId, ids)));
      for (const child of children) {
        const parent = child.groupId && child.groupId === groupId && child.id !== survivorId ? survivorId : null;
        await tx
          .update(companies)
          .set({ parentCompanyId: parent })
          .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, child.id)));
        moved.children.push({ id: child.id, parentCompanyId: child.parentCompanyId as string });
      }
    }
    // History follows the customer.
    const owners = await historyOwners(tx, workspaceId, entity, ids);
    if (owners.length > 0) {
      await tx
        .update(recordChanges)
        .set({ entityId: survivorId })
        .where(
          and(
            eq(recordChanges.workspaceId, workspaceId),
            inArray(
              recordChanges.id,
              owners.map((o) => o.id),
            ),
          ),
        );
    }
    moved.history = owners;
    Object.assign(moved, await moveRelationships(tx, workspaceId, entity, ids, survivorId));
    const names = others.map((o) => nameOf(entity, o));
    await tx
      .update(table)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
    const [merge] = await tx
      .insert(recordMerges)
      .values({
        workspaceId,
        entity,
        survivorId,
        mergedIds: ids,
        mergedNames: names,
        before,
        after: changed,
        moved,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: recordMerges.id });
    if (!merge) throw new Error('merge insert returned nothing');
    await recordChange(tx, {
      workspaceId,
      entityType: entity,
      entityId: survivorId,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: { ...before, mergedFrom: null },
      after: { ...changed, mergedFrom: names },
      fields: [...Object.keys(changed), 'mergedFrom'],
    });
    for (const other of others) {
      await recordChange(tx, {
        workspaceId,
        entityType: entity,
        entityId: other.id,
        actorId: ctx.actor.userId,
        action: 'deleted',
        before: { mergedInto: null },
        after: { mergedInto: nameOf(entity, survivor) },
        fields: ['mergedInto'],
      });
    }
    return merge.id;
  });
  return getMerge(ctx, id);
}

/** The history entries of records, with the record each belongs to. */
export async function historyOwners(tx: Executor, workspaceId: string, entity: TDuplicateEntity, ids: string[]) {
  return tx
    .select({ id: recordChanges.id, entityId: recordChanges.entityId })
    .from(recordChanges)
    .where(
      and(
        eq(recordChanges.workspaceId, workspaceId),
        eq(recordChanges.entityType, entity),
        inArray(recordChanges.entityId, ids),
        // The entries of earlier merges and undos of these records stay with them.
        sql`NOT (${recordChanges.changes} @> '[{"field": "mergedInto"}]'::jsonb)`,
      ),
    );
}

function present(row: typeof recordMerges.$inferSelect, creator: string | null): TMerge {
  return {
    id: row.id,
    entity: row.entity,
    survivorId: row.survivorId,
    mergedIds: row.mergedIds,
    mergedNames: row.mergedNames,
    moved: {
      links: row.moved.links.length,
      listMembers: row.moved.listMembers.length,
      children: row.moved.children.length,
      history: row.moved.history.length,
    },
    createdBy: creator === null ? null : { id: row.createdBy, name: creator },
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}

/** Merges are seen by whoever may see the survivor. */
async function findMerge(ctx: Ctx, db: Executor, id: string, lock = false) {
  const query = db
    .select()
    .from(recordMerges)
    .where(and(eq(recordMerges.workspaceId, ctx.actor.workspaceId), eq(recordMerges.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('merge');
  const table = tableOf(row.entity);
  const [survivor] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, ctx.actor.workspaceId),
        eq(table.id, row.survivorId),
        await policyOf(row.entity).filter(ctx.actor, 'read', { owner: table.ownerId, unit: table.unitId }),
      ),
    );
  if (!survivor) throw notFound('merge');
  return row;
}

export async function getMerge(ctx: Ctx, id: string): Promise<TMerge> {
  const row = await findMerge(ctx, ctx.db, id);
  const [creator] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, row.workspaceId), eq(users.id, row.createdBy)));
  return present(row, creator?.name ?? null);
}

/** Merges into or out of a record, newest first (for the record's page and its undo). */
export async function listMerges(ctx: Ctx, entity: TDuplicateEntity | undefined, recordId: string | undefined) {
  const rows = await ctx.db
    .select({ merge: recordMerges, creator: users.name })
    .from(recordMerges)
    .leftJoin(users, and(eq(users.workspaceId, recordMerges.workspaceId), eq(users.id, recordMerges.createdBy)))
    .where(
      and(
        eq(recordMerges.workspaceId, ctx.actor.workspaceId),
        entity ? eq(recordMerges.entity, entity) : undefined,
        recordId ? or(eq(recordMerges.survivorId, recordId), arrayContains(recordMerges.mergedIds, [recordId])) : undefined,
      ),
    )
    .orderBy(desc(recordMerges.createdAt))
    .limit(50);
  const visible: TMerge[] = [];
  for (const row of rows) {
    const table = tableOf(row.merge.entity);
    const [survivor] = await ctx.db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.workspaceId, ctx.actor.workspaceId),
          eq(table.id, row.merge.survivorId),
          await policyOf(row.merge.entity).filter(ctx.actor, 'read', { owner: table.ownerId, unit: table.unitId }),
        ),
      );
    if (survivor) visible.push(present(row.merge, row.creator));
  }
  return { data: visible, nextCursor: null, total: visible.length };
}

/**
 * Undoes a merge: the merged records come back from the bin with their links, memberships,
 * subsidiaries and history, and the survivor's fields return to their values before the merge
 * unless someone changed them since.
 */
export async function undoMerge(ctx: Ctx, id: string): Promise<TMerge> {
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const merge = await findMerge(ctx, tx, id, true);
    if (merge.undoneAt) throw new AppError('merge_already_undone');
    const entity = merge.entity;
    const table = tableOf(entity);
    const policy = policyOf(entity);
    const [survivor] = (await tx
      .select()
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), eq(table.id, merge.survivorId)))
      .for('update')) as unknown as Row[];
    if (!survivor) throw notFound(entity);
    await policy.authorize(ctx.actor, 'update', survivor);
    const merged = (await tx
      .select()
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, merge.mergedIds)))
      .for('update')) as unknown as Row[];
    for (const row of merged) await policy.authorize(ctx.actor, 'delete', row);
    const restore: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(merge.before)) if (same(survivor[field], merge.after[field])) restore[field] = value;
    if (Object.keys(restore).length > 0) {
      await tx
        .update(table)
        .set({ ...withNormalisedCopies(restore as Record<string, never>), updatedAt: sql`now()` })
        .where(and(eq(table.workspaceId, workspaceId), eq(table.id, merge.survivorId)));
    }
    await tx
      .update(table)
      .set({ deletedAt: null })
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, merge.mergedIds)));
    for (const link of merge.moved.links) {
      if (link.added) {
        const survivorSide =
          entity === 'company'
            ? { contactId: link.contactId, companyId: merge.survivorId }
            : { contactId: merge.survivorId, companyId: link.companyId };
        await tx
          .delete(contactCompanies)
          .where(
            and(
              eq(contactCompanies.workspaceId, workspaceId),
              eq(contactCompanies.contactId, survivorSide.contactId),
              eq(contactCompanies.companyId, survivorSide.companyId),
            ),
          );
      }
      await tx
        .insert(contactCompanies)
        .values({ workspaceId, contactId: link.contactId, companyId: link.companyId, role: link.role })
        .onConflictDoNothing();
    }
    for (const member of merge.moved.listMembers) {
      if (member.added) {
        await tx
          .delete(staticListMembers)
          .where(
            and(
              eq(staticListMembers.workspaceId, workspaceId),
              eq(staticListMembers.listId, member.listId),
              eq(staticListMembers.recordId, merge.survivorId),
            ),
          );
      }
      await tx.insert(staticListMembers).values({ workspaceId, listId: member.listId, recordId: member.recordId }).onConflictDoNothing();
    }
    for (const child of merge.moved.children) {
      await tx
        .update(companies)
        .set({ parentCompanyId: child.parentCompanyId })
        .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, child.id)));
    }
    for (const entry of merge.moved.history) {
      await tx
        .update(recordChanges)
        .set({ entityId: entry.entityId })
        .where(and(eq(recordChanges.workspaceId, workspaceId), eq(recordChanges.id, entry.id)));
    }
    await restoreRelationships(tx, workspaceId, entity, merge.survivorId, merge.moved);
    await tx
      .update(recordMerges)
      .set({ undoneAt: sql`now()` })
      .where(and(eq(recordMerges.workspaceId, workspaceId), eq(recordMerges.id, id)));
    await recordChange(tx, {
      workspaceId,
      entityType: entity,
      entityId: merge.survivorId,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: { ...merge.after, mergedFrom: merge.mergedNames },
      after: { ...Object.fromEntries(Object.keys(merge.after).map((f) => [f, restore[f] ?? survivor[f] ?? null])), mergedFrom: null },
      fields: [...Object.keys(merge.after), 'mergedFrom'],
    });
    for (const row of merged) {
      await recordChange(tx, {
        workspaceId,
        entityType: entity,
        entityId: row.id,
        actorId: ctx.actor.userId,
        action: 'updated',
        before: { mergedInto: nameOf(entity, survivor) },
        after: { mergedInto: null },
        fields: ['mergedInto'],
      });
    }
  });
  return getMerge(ctx, id);
}
