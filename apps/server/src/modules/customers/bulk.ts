import type { TBulkInput, TRecordEntity } from '@clientela/contract';
import { type AnyColumn, and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { RecordRef } from '../authz/index.ts';
import { recordManyChanges } from '../history/index.ts';
import { assertOwnerAndUnit } from './customer-fields.ts';
import { addListMembers, findEditableList, lockEditableList } from './static-lists.ts';

/** What a bulk action needs to know about a customer table. */
export type BulkTarget = {
  entity: TRecordEntity;
  table: PgTable;
  columns: {
    workspaceId: PgColumn;
    id: PgColumn;
    ownerId: PgColumn;
    unitId: PgColumn;
    status: PgColumn;
    tags: PgColumn;
    deletedAt: PgColumn;
    updatedAt: PgColumn;
  };
  policy: {
    filter: (actor: Ctx['actor'], action: 'read', columns: { owner: AnyColumn; unit: AnyColumn }) => Promise<SQL>;
    can: (actor: Ctx['actor'], action: 'update' | 'assign', record?: RecordRef) => Promise<boolean>;
  };
};

/** As many tags as a record may carry (the contract's limit on `tags`). */
const TAGS_MAX = 50;

type Row = { id: string; ownerId: string | null; unitId: string | null; status: string; tags: string[] };

/**
 * Applies one action to the selected records, all or nothing: a record the actor does not see
 * answers 404, one they see but may not change 403, each named as `ids.<n>`; then nothing changes.
 * Every changed record gets its history entry.
 */
export async function runBulk(ctx: Ctx, target: BulkTarget, input: TBulkInput): Promise<{ changed: number }> {
  const { actor } = ctx;
  const { columns: c, entity, policy } = target;
  const { action } = input;
  const ids = [...new Set(input.ids)];
  if (action.type === 'assignOwner') await assertOwnerAndUnit(ctx.db, actor.workspaceId, action.ownerId, undefined);

  return ctx.db.transaction(async (tx) => {
    const rows: Row[] = (await tx
      .select({ id: c.id, ownerId: c.ownerId, unitId: c.unitId, status: c.status, tags: c.tags })
      .from(target.table)
      .where(
        and(
          eq(c.workspaceId, actor.workspaceId),
          inArray(c.id, ids),
          isNull(c.deletedAt),
          await policy.filter(actor, 'read', { owner: c.ownerId, unit: c.unitId }),
        ),
      )
      .for('update')) as Row[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const unseen = input.ids.flatMap((id, index) => (byId.has(id) ? [] : [{ path: `ids.${index}`, message: `No such ${entity}` }]));
    if (unseen.length > 0) throw new AppError('not_found', `${unseen.length} of the selected records do not exist`, { errors: unseen });

    if (action.type === 'addToList') {
      const list = await findEditableList(ctx, tx, action.listId, entity);
      await lockEditableList(ctx, tx, list.id);
      return { changed: await addListMembers(ctx, tx, list.id, ids) };
    }

    const refused: { path: string; message: string }[] = [];
    for (const [index, id] of input.ids.entries()) {
      const row = byId.get(id) as Row;
      const allowed =
        (await policy.can(actor, 'update', row)) &&
        (action.type !== 'assignOwner' || (await policy.can(actor, 'assign', { ownerId: action.ownerId, unitId: row.unitId })));
      if (!allowed) refused.push({ path: `ids.${index}`, message: 'You may not change this record' });
    }
    if (refused.length > 0)
      throw new AppError('forbidden', `You may not change ${refused.length} of the selected records`, { errors: refused });
    if (action.type === 'addTag') {
      const full = input.ids.flatMap((id, index) => {
        const row = byId.get(id) as Row;
        return !row.tags.includes(action.tag) && row.tags.length >= TAGS_MAX
          ? [{ path: `ids.${index}`, message: `Already has ${TAGS_MAX} tags` }]
          : [];
      });
      if (full.length > 0)
        throw new AppError('validation_failed', `${full.length} of the selected records cannot take another tag`, { errors: full });
    }

    const changed = rows.flatMap((row) => {
      const after = applied(row, action);
      return after ? [{ before: row, after }] : [];
    });
    if (changed.length === 0) return { changed: 0 };
    await tx
      .update(target.table)
      .set(setOf(c, action))
      .where(
        and(
          eq(c.workspaceId, actor.workspaceId),
          inArray(
            c.id,
            changed.map(({ before }) => before.id),
          ),
        ),
      );
    await recordManyChanges(
      tx,
      changed.map(({ before, after }) => ({
        workspaceId: actor.workspaceId,
        entityType: entity,
        entityId: before.id,
        actorId: actor.userId,
        action: 'updated' as const,
        before,
        after,
        fields: ['status', 'ownerId', 'tags'],
      })),
    );
    return { changed: changed.length };
  });
}

type RecordAction = Exclude<TBulkInput['action'], { type: 'addToList' }>;

/** The record after the action, or null when the action changes nothing on it. */
function applied(row: Row, action: RecordAction): Row | null {
  switch (action.type) {
    case 'assignOwner':
      return row.ownerId === action.ownerId ? null : { ...row, ownerId: action.ownerId };
    case 'setStatus':
      return row.status === action.status ? null : { ...row, status: action.status };
    case 'addTag':
      return row.tags.includes(action.tag) ? null : { ...row, tags: [...row.tags, action.tag] };
    case 'removeTag':
      return row.tags.includes(action.tag) ? { ...row, tags: row.tags.filter((tag) => tag !== action.tag) } : null;
  }
}

/** The SET clause of the action, for the records it changes. */
function setOf(c: BulkTarget['columns'], action: RecordAction): Record<string, unknown> {
  const touched = { updatedAt: sql`now()` };
  switch (action.type) {
    case 'assignOwner':
      return { ...touched, ownerId: action.ownerId };
    case 'setStatus':
      return { ...touched, status: action.status };
    case 'addTag':
      return {
        ...touched,
        tags: sql`CASE WHEN ${c.tags} @> ARRAY[${action.tag}]::text[] THEN ${c.tags} ELSE array_append(${c.tags}, ${action.tag}) END`,
      };
    case 'removeTag':
      return { ...touched, tags: sql`array_remove(${c.tags}, ${action.tag})` };
  }
}
