import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { activityLinks } from './activities.table.ts';
import { refreshLastContact } from './last-contact.ts';

/** What a merge moved of activities and agreements, kept so that its undo can put it back. */
export type RelationshipMoves = {
  /** Activity links that named a merged record; `added` when the survivor's link is new. */
  activityLinks: { activityId: string; entityId: string; added: boolean }[];
  /** Agreements whose company or contact was a merged record. */
  agreements: { id: string; from: string }[];
};

/** Moves the activities and agreements of merged records to the survivor: its history is then complete. */
export async function moveRelationships(
  tx: Executor,
  workspaceId: string,
  entity: 'company' | 'contact',
  mergedIds: string[],
  survivorId: string,
): Promise<RelationshipMoves> {
  const moved: RelationshipMoves = { activityLinks: [], agreements: [] };
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
  const column = entity === 'company' ? agreements.companyId : agreements.contactId;
  const promised = await tx
    .select({ id: agreements.id, from: column })
    .from(agreements)
    .where(and(eq(agreements.workspaceId, workspaceId), inArray(column, mergedIds)));
  moved.agreements = promised.map((a) => ({ id: a.id, from: a.from as string }));
  if (promised.length > 0)
    await tx
      .update(agreements)
      .set(entity === 'company' ? { companyId: survivorId } : { contactId: survivorId })
      .where(and(eq(agreements.workspaceId, workspaceId), inArray(column, mergedIds)));
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
  for (const agreement of moved.agreements ?? []) {
    const column = entity === 'company' ? agreements.companyId : agreements.contactId;
    await tx
      .update(agreements)
      .set(entity === 'company' ? { companyId: agreement.from } : { contactId: agreement.from })
      .where(and(eq(agreements.workspaceId, workspaceId), eq(agreements.id, agreement.id), eq(column, survivorId)));
  }
  const restored = [survivorId, ...new Set((moved.activityLinks ?? []).map((l) => l.entityId))];
  await refreshLastContact(tx, workspaceId, entity === 'company' ? { company: restored, contact: [] } : { company: [], contact: restored });
}
