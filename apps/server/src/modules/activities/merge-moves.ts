import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { activityLinks } from './activities.table.ts';
import { refreshLastContact } from './last-contact.ts';

/** What a merge moved of activities, agreements and contracts, kept so that its undo can put it back. */
export type RelationshipMoves = {
  /** Activity links that named a merged record; `added` when the survivor's link is new. */
  activityLinks: { activityId: string; entityId: string; added: boolean }[];
  /** Agreements whose company or contact was a merged record. */
  agreements: { id: string; from: string }[];
  /** Contracts whose company or contact was a merged record. */
  contracts: { id: string; from: string }[];
};

/** The tables whose rows name a company or a contact in a column of their own. */
const OWNED = { agreements, contracts } as const;

function columnOf(table: (typeof OWNED)[keyof typeof OWNED], entity: 'company' | 'contact') {
  return entity === 'company' ? table.companyId : table.contactId;
}

/** Moves the activities, agreements and contracts of merged records to the survivor: its history is then complete. */
export async function moveRelationships(
  tx: Executor,
  workspaceId: string,
  entity: 'company' | 'contact',
  mergedIds: string[],
  survivorId: string,
): Promise<RelationshipMoves> {
  const moved: RelationshipMoves = { activityLinks: [], agreements: [], contracts: [] };
  const links = await tx
    .select()
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, workspaceId), inArray(activityLinks.entityId, mergedIds)));
  for (const link of links) {
    const added = await tx
      .insert(activityLinks)
      .values({ ...link, entityId: survivorId })
      .onConflictDoNothing()
      .returning();
    moved.activityLinks.push({ activityId: link.activityId, entityId: link.entityId, added: added.length > 0 });
  }
  if (links.length > 0)
    await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, workspaceId), inArray(activityLinks.entityId, mergedIds)));
  for (const key of Object.keys(OWNED) as (keyof typeof OWNED)[]) {
    const table = OWNED[key];
    const column = columnOf(table, entity);
    const rows = await tx
      .select({ id: table.id, from: column })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), inArray(column, mergedIds)));
    moved[key] = rows.map((row) => ({ id: row.id, from: row.from as string }));
    if (rows.length > 0)
      await tx
        .update(table)
        .set(entity === 'company' ? { companyId: survivorId } : { contactId: survivorId })
        .where(and(eq(table.workspaceId, workspaceId), inArray(column, mergedIds)));
  }
  await refreshLastContact(
    tx,
    workspaceId,
    entity === 'company' ? { company: [survivorId], contact: [] } : { company: [], contact: [survivorId] },
  );
  return moved;
}

/** Puts back what `moveRelationships` moved (the undo of a merge). */
export async function restoreRelationships(
  tx: Executor,
  workspaceId: string,
  entity: 'company' | 'contact',
  survivorId: string,
  moved: Partial<RelationshipMoves>,
): Promise<void> {
  for (const link of moved.activityLinks ?? []) {
    const [survivorLink] = await tx
      .select()
      .from(activityLinks)
      .where(
        and(
          eq(activityLinks.workspaceId, workspaceId),
          eq(activityLinks.activityId, link.activityId),
          eq(activityLinks.entityId, survivorId),
        ),
      );
    if (!survivorLink) continue; // the activity, or that link, was removed since
    if (link.added)
      await tx
        .delete(activityLinks)
        .where(
          and(
            eq(activityLinks.workspaceId, workspaceId),
            eq(activityLinks.activityId, link.activityId),
            eq(activityLinks.entityId, survivorId),
          ),
        );
    await tx
      .insert(activityLinks)
      .values({ ...survivorLink, entityId: link.entityId })
      .onConflictDoNothing();
  }
  for (const key of Object.keys(OWNED) as (keyof typeof OWNED)[]) {
    const table = OWNED[key];
    for (const row of moved[key] ?? []) {
      await tx
        .update(table)
        .set(entity === 'company' ? { companyId: row.from } : { contactId: row.from })
        .where(and(eq(table.workspaceId, workspaceId), eq(table.id, row.id), eq(columnOf(table, entity), survivorId)));
    }
  }
  const restored = [survivorId, ...new Set((moved.activityLinks ?? []).map((l) => l.entityId))];
  await refreshLastContact(tx, workspaceId, entity === 'company' ? { company: restored, contact: [] } : { company: [], contact: restored });
}
