import { type TCaseType, type TCaseTypeInput, type TUpdateCaseTypeInput, ZCaseTypeInput, ZUpdateCaseTypeInput } from '@clientela/contract';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { invalid } from './case-rows.ts';
import { caseSettingsPolicy } from './cases.policy.ts';
import { caseCategories, caseTypes, supportCases } from './cases.table.ts';

/** Every type with its categories, in order, and how many live cases use each. */
export async function listCaseTypes(ctx: Ctx, db: Executor = ctx.db, only?: string): Promise<TCaseType[]> {
  await caseSettingsPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const [types, categories, counts] = await Promise.all([
    db
      .select()
      .from(caseTypes)
      .where(and(eq(caseTypes.workspaceId, workspaceId), only ? eq(caseTypes.id, only) : undefined))
      .orderBy(asc(caseTypes.position), asc(caseTypes.name)),
    db
      .select()
      .from(caseCategories)
      .where(and(eq(caseCategories.workspaceId, workspaceId), only ? eq(caseCategories.typeId, only) : undefined))
      .orderBy(asc(caseCategories.position), asc(caseCategories.name)),
    // One pass over the workspace's cases for every type's count.
    db
      .select({ typeId: supportCases.typeId, n: sql<number>`count(*)::int` })
      .from(supportCases)
      .where(
        and(eq(supportCases.workspaceId, workspaceId), isNull(supportCases.deletedAt), only ? eq(supportCases.typeId, only) : undefined),
      )
      .groupBy(supportCases.typeId),
  ]);
  const countOf = new Map(counts.map((c) => [c.typeId, c.n]));
  return types.map((type) => ({
    id: type.id,
    name: type.name,
    kind: type.kind,
    position: type.position,
    active: type.active,
    cases: countOf.get(type.id) ?? 0,
    categories: categories
      .filter((c) => c.typeId === type.id)
      .map((c) => ({ id: c.id, typeId: c.typeId, name: c.name, position: c.position, active: c.active })),
  }));
}

async function oneType(ctx: Ctx, db: Executor, id: string): Promise<TCaseType> {
  const [type] = await listCaseTypes(ctx, db, id);
  if (!type) throw notFound('case type');
  return type;
}

const ids = (list: readonly string[]) =>
  sql`(${sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** A name used twice (types, or categories of a type) is refused, naming the field. */
function checkNames(input: Pick<TCaseTypeInput, 'categories'>) {
  const seen = new Set<string>();
  const errors = (input.categories ?? []).flatMap((c, i) => {
    const key = c.name.toLowerCase();
    if (seen.has(key)) return [{ path: `categories.${i}.name`, message: 'Used twice' }];
    seen.add(key);
    return [];
  });
  if (errors.length > 0) throw invalid('Category names must differ', errors);
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } }).code === '23505'
    ? (error as { constraint?: string }).constraint === constraint
    : (error as { cause?: { code?: string; constraint?: string } }).cause?.code === '23505' &&
      (error as { cause?: { constraint?: string } }).cause?.constraint === constraint;

/** Runs a write whose type name must be unique: 400 naming `name` when it is taken. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'case_type_name_key')) throw invalid('A type of that name exists', [{ path: 'name', message: 'Taken' }]);
    throw error;
  }
}

/**
 * Replaces a type's categories: those sent with an id are kept (and changed), those without are
 * added, those not sent are removed, or deactivated when cases use them.
 */
async function replaceCategories(tx: Executor, workspaceId: string, typeId: string, sent: NonNullable<TCaseTypeInput['categories']>) {
  const existing = await tx
    .select({ id: caseCategories.id })
    .from(caseCategories)
    .where(and(eq(caseCategories.workspaceId, workspaceId), eq(caseCategories.typeId, typeId)));
  const known = new Set(existing.map((c) => c.id));
  const errors = sent.flatMap((c, i) => (c.id && !known.has(c.id) ? [{ path: `categories.${i}.id`, message: 'No such category' }] : []));
  if (errors.length > 0) throw invalid('A category is not of this type', errors);
  const keptIds = sent.flatMap((c) => c.id ?? []);
  const gone = existing.map((c) => c.id).filter((id) => !keptIds.includes(id));
  if (gone.length > 0) {
    // Used by a case or named by a routing rule: kept, deactivated.
    const { rows: used } = await tx.execute<{ id: string }>(sql`
      SELECT category_id AS id FROM support_case WHERE workspace_id = ${workspaceId} AND category_id IN ${ids(gone)}
      UNION SELECT category_id FROM case_routing_rule WHERE workspace_id = ${workspaceId} AND category_id IN ${ids(gone)}`);
    const usedIds = used.map((u) => u.id);
    if (usedIds.length > 0)
      await tx
        .update(caseCategories)
        .set({ active: false })
        .where(and(eq(caseCategories.workspaceId, workspaceId), inArray(caseCategories.id, usedIds)));
    const removable = gone.filter((id) => !usedIds.includes(id));
    if (removable.length > 0)
      await tx.delete(caseCategories).where(and(eq(caseCategories.workspaceId, workspaceId), inArray(caseCategories.id, removable)));
  }
  // Names move between categories in one request ("A"→"B", "B"→"A"): the kept ones get a
  // placeholder first so that the unique name index never sees two at once.
  if (keptIds.length > 0)
    await tx
      .update(caseCategories)
      .set({ name: sql`${caseCategories.id}::text` })
      .where(and(eq(caseCategories.workspaceId, workspaceId), inArray(caseCategories.id, keptIds)));
  for (const [i, c] of sent.entries()) {
    const values = { name: c.name, position: c.position ?? i, active: c.active ?? true };
    if (c.id)
      await tx
        .update(caseCategories)
        .set(values)
        .where(and(eq(caseCategories.workspaceId, workspaceId), eq(caseCategories.id, c.id)));
    else await tx.insert(caseCategories).values({ workspaceId, typeId, ...values });
  }
}

const categoryClash = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'case_category_name_key'))
      throw invalid('A category of that name exists', [{ path: 'categories', message: 'A category of that name exists already' }]);
    throw error;
  }
};

/** Adds a type with its categories (admins). */
export async function createCaseType(ctx: Ctx, raw: TCaseTypeInput): Promise<TCaseType> {
  const input = ZCaseTypeInput.parse(raw);
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  checkNames(input);
  const workspaceId = ctx.actor.workspaceId;
  const id = await uniqueName(() =>
    categoryClash(() =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(caseTypes)
          .values({
            workspaceId,
            name: input.name,
            kind: input.kind ?? 'complaint',
            position: input.position ?? 0,
            active: input.active ?? true,
          })
          .returning({ id: caseTypes.id });
        if (!row) throw new Error('case type insert returned nothing');
        if (input.categories) await replaceCategories(tx, workspaceId, row.id, input.categories);
        return row.id;
      }),
    ),
  );
  return oneType(ctx, ctx.db, id);
}

/** Changes a type; `categories`, when sent, replaces its list (admins). */
export async function updateCaseType(ctx: Ctx, id: string, raw: TUpdateCaseTypeInput): Promise<TCaseType> {
  const input = ZUpdateCaseTypeInput.parse(raw);
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  checkNames(input);
  const workspaceId = ctx.actor.workspaceId;
  await uniqueName(() =>
    categoryClash(() =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(caseTypes)
          .where(and(eq(caseTypes.workspaceId, workspaceId), eq(caseTypes.id, id)))
          .for('update');
        if (!row) throw notFound('case type');
        await tx
          .update(caseTypes)
          .set({
            name: input.name ?? row.name,
            kind: input.kind ?? row.kind,
            position: input.position ?? row.position,
            active: input.active ?? row.active,
          })
          .where(and(eq(caseTypes.workspaceId, workspaceId), eq(caseTypes.id, id)));
        if (input.categories) await replaceCategories(tx, workspaceId, id, input.categories);
      }),
    ),
  );
  return oneType(ctx, ctx.db, id);
}

/** Removes a type no case uses (with its categories); 409 `in_use` otherwise: deactivate it instead. */
export async function deleteCaseType(ctx: Ctx, id: string): Promise<void> {
  await caseSettingsPolicy.authorize(ctx.actor, 'manage');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: caseTypes.id })
      .from(caseTypes)
      .where(and(eq(caseTypes.workspaceId, workspaceId), eq(caseTypes.id, id)))
      .for('update');
    if (!row) throw notFound('case type');
    const [used] = await tx
      .select({ id: supportCases.id })
      .from(supportCases)
      .where(and(eq(supportCases.workspaceId, workspaceId), eq(supportCases.typeId, id)))
      .limit(1);
    if (used) throw new AppError('in_use', 'Cases use this type: deactivate it instead');
    await tx.delete(caseTypes).where(and(eq(caseTypes.workspaceId, workspaceId), eq(caseTypes.id, id)));
  });
}
