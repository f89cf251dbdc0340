import type { TRecordChange } from '@clientela/contract';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/index.ts';
import { type FieldChange, recordChanges } from './history.table.ts';

type Snapshot = Record<string, unknown>;

/** The fields whose value differs between two snapshots of a record. */
export function diff(before: Snapshot | null, after: Snapshot | null, fields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before?.[field] ?? null;
    const value = after?.[field] ?? null;
    if (JSON.stringify(normalise(old)) !== JSON.stringify(normalise(value)))
      changes.push({ field, old: normalise(old), new: normalise(value) });
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.length === 0) return null;
  return value ?? null;
}

type Change = {
  workspaceId: string;
  entityType: string;
  entityId: string;
  actorId: string;
  action: 'created' | 'updated' | 'deleted';
  before: Snapshot | null;
  after: Snapshot | null;
  fields: readonly string[];
};

/** Writes one history entry in the caller's transaction; an update that changed nothing writes none. */
export async function recordChange(tx: Executor, change: Change): Promise<void> {
  const changes = diff(change.before, change.after, change.fields);
  if (change.action === 'updated' && changes.length === 0) return;
  await tx.insert(recordChanges).values({
    workspaceId: change.workspaceId,
    entityType: change.entityType,
    entityId: change.entityId,
    actorId: change.actorId,
    action: change.action,
    changes,
  });
}

/** The history of one record, oldest first, with the names of who changed it. */
export async function historyOf(db: Executor, workspaceId: string, entityType: string, entityId: string): Promise<TRecordChange[]> {
  const rows = await db
    .select({ change: recordChanges, actorName: users.name })
    .from(recordChanges)
    .leftJoin(users, and(eq(users.workspaceId, recordChanges.workspaceId), eq(users.id, recordChanges.actorId)))
    .where(and(eq(recordChanges.workspaceId, workspaceId), eq(recordChanges.entityType, entityType), eq(recordChanges.entityId, entityId)))
    .orderBy(asc(recordChanges.at), asc(recordChanges.id));
  return rows.map(({ change, actorName }) => ({
    id: change.id,
    at: change.at.toISOString(),
    actor: change.actorId && actorName ? { id: change.actorId, name: actorName } : null,
    action: change.action,
    changes: change.changes,
  }));
}

/** Writes the history entries of many records at once (a bulk action), skipping those that changed nothing. */
export async function recordManyChanges(tx: Executor, changes: readonly Change[]): Promise<void> {
  const rows = changes
    .map((change) => ({ change, fields: diff(change.before, change.after, change.fields) }))
    .filter(({ change, fields }) => change.action !== 'updated' || fields.length > 0)
    .map(({ change, fields }) => ({
      workspaceId: change.workspaceId,
      entityType: change.entityType,
      entityId: change.entityId,
      actorId: change.actorId,
      action: change.action,
      changes: fields,
    }));
  for (let start = 0; start < rows.length; start += 500) await tx.insert(recordChanges).values(rows.slice(start, start + 500));
}
