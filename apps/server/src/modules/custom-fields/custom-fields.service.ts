import type { TCreateCustomFieldInput, TCustomEntity, TCustomField, TUpdateCustomFieldInput } from '@clientela/contract';
import { ZCreateCustomFieldInput } from '@clientela/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { definePolicy } from '../authz/index.ts';
import { customFields } from './custom-fields.table.ts';
import { forgetDefinitions } from './definitions-cache.ts';

/** Everyone sees the fields (forms need them); only admins define them. */
export const customFieldPolicy = definePolicy<'read' | 'manage'>('custom-fields', {
  admin: { read: 'all', manage: 'all' },
  manager: { read: 'all' },
  employee: { read: 'all' },
});

type Row = typeof customFields.$inferSelect;

function present(row: Row): TCustomField {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    currency: row.currency,
    required: row.required,
    position: row.position,
  };
}

export async function listCustomFields(ctx: Ctx, entity: TCustomEntity | undefined) {
  await customFieldPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.actor.workspaceId), entity ? eq(customFields.entity, entity) : undefined))
    .orderBy(asc(customFields.entity), asc(customFields.position), asc(customFields.label));
  return { data: rows.map(present), nextCursor: null, total: rows.length };
}

export async function createCustomField(ctx: Ctx, raw: TCreateCustomFieldInput): Promise<TCustomField> {
  await customFieldPolicy.authorize(ctx.actor, 'manage');
  const input = ZCreateCustomFieldInput.parse(raw);
  const [taken] = await ctx.db
    .select({ id: customFields.id })
    .from(customFields)
    .where(
      and(eq(customFields.workspaceId, ctx.actor.workspaceId), eq(customFields.entity, input.entity), eq(customFields.key, input.key)),
    );
  if (taken) throw new AppError('conflict', 'A field with this key exists', { errors: [{ path: 'key', message: 'Already in use' }] });
  const [row] = await ctx.db
    .insert(customFields)
    .values({ ...input, workspaceId: ctx.actor.workspaceId })
    .returning();
  if (!row) throw new Error('custom field insert returned nothing');
  forgetDefinitions(ctx.db, ctx.actor.workspaceId);
  return present(row);
}

export async function updateCustomField(ctx: Ctx, id: string, input: TUpdateCustomFieldInput): Promise<TCustomField> {
  await customFieldPolicy.authorize(ctx.actor, 'manage');
  const [current] = await ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.actor.workspaceId), eq(customFields.id, id)));
  if (!current) throw notFound('custom field');
  const choice = current.type === 'select' || current.type === 'multiselect';
  if (input.options && !choice)
    throw new AppError('validation_failed', 'Only choice fields have options', {
      errors: [{ path: 'options', message: 'Only choice fields have options' }],
    });
  if (input.options && input.options.length === 0)
    throw new AppError('validation_failed', 'A choice field needs options', {
      errors: [{ path: 'options', message: 'A choice field needs options' }],
    });
  const [row] = await ctx.db
    .update(customFields)
    .set(input)
    .where(and(eq(customFields.workspaceId, ctx.actor.workspaceId), eq(customFields.id, id)))
    .returning();
  if (!row) throw notFound('custom field');
  forgetDefinitions(ctx.db, ctx.actor.workspaceId);
  return present(row);
}

/**
 * Removes the definition, and with it the values records hold (they stay in each record's
 * history) and its filters and columns in saved views: a field made again under the same key
 * starts empty, and no view keeps asking for a field that is gone.
 */
export async function deleteCustomField(ctx: Ctx, id: string): Promise<void> {
  await customFieldPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(customFields)
      .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, id)))
      .returning({ entity: customFields.entity, key: customFields.key });
    if (!deleted) throw notFound('custom field');
    const { entity, key } = deleted;
    const table = sql.identifier(entity);
    await tx.execute(sql`UPDATE ${table} SET custom = custom - ${key}::text WHERE workspace_id = ${workspaceId} AND custom ? ${key}`);
    await tx.execute(sql`UPDATE saved_view
      SET query = query - ${`filter[custom.${key}]`}::text, columns = array_remove(columns, ${`custom.${key}`}::text)
      WHERE workspace_id = ${workspaceId} AND entity = ${entity}
        AND (query ? ${`filter[custom.${key}]`} OR ${`custom.${key}`} = ANY(columns))`);
  });
  forgetDefinitions(ctx.db, workspaceId);
}
