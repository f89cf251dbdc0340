import type {
  TCreateProcessDefinitionInput,
  TLocale,
  TProcessDefinition,
  TProcessDefinitionDetail,
  TProcessTemplateKey,
  TProcessValidation,
  TProcessVersion,
  TUpdateProcessDefinitionInput,
} from '@clientela/contract';
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { encodeCursor } from '../../lib/pagination.ts';
import { units } from '../units/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { emptyModelXml, parseBpmn } from './model.ts';
import { canDesign } from './processes.policy.ts';
import { processDefinitions, processInstances, processStartTriggers, processVersions } from './processes.table.ts';
import { templateXml } from './templates/index.ts';
import { validateModel, workspaceLookups } from './validate.ts';

type DefinitionRow = typeof processDefinitions.$inferSelect;

const d = processDefinitions;
const runningOf = sql<number>`(SELECT count(*)::int FROM ${processInstances} i
  WHERE i.workspace_id = ${d.workspaceId} AND i.definition_id = ${d.id} AND i.status = 'running')`.mapWith(Number);

/** The columns a definition is presented from: its row, the published version's triggers and time, running instances. */
const listColumns = {
  row: d,
  publishedXml: processVersions.xml,
  publishedAt: processVersions.publishedAt,
  triggers: processVersions.triggers,
  changed: sql<boolean>`(${processVersions.xml} IS DISTINCT FROM ${d.draftXml})`,
  running: runningOf,
};
type ListRow = {
  row: DefinitionRow;
  publishedAt: Date | null;
  triggers: TProcessDefinition['triggers'] | null;
  changed: boolean;
  running: number;
};

const publishedJoin = and(
  eq(processVersions.workspaceId, d.workspaceId),
  eq(processVersions.definitionId, d.id),
  eq(processVersions.version, d.publishedVersion),
);

/** What the actor may see: published processes, and for designers the drafts too. */
function visibleSql(ctx: Ctx): SQL | undefined {
  return and(
    eq(d.workspaceId, ctx.actor.workspaceId),
    isNull(d.deletedAt),
    canDesign(ctx.actor) ? undefined : isNotNull(d.publishedVersion),
  );
}

function present({ row, publishedAt, triggers, changed, running }: ListRow): TProcessDefinition {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    templateKey: (row.templateKey as TProcessTemplateKey | null) ?? null,
    publishedVersion: row.publishedVersion,
    publishedAt: publishedAt?.toISOString() ?? null,
    hasUnpublishedChanges: row.publishedVersion === null ? true : changed,
    triggers: triggers ?? [],
    running,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Lists the processes the actor may see, by name. */
export async function listDefinitions(ctx: Ctx, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  const where = and(visibleSql(ctx), query.q ? ilike(d.name, `%${escapeLike(query.q)}%`) : undefined);
  const after = query.cursor ? cursorAfter(query.cursor) : undefined;
  const rows = await ctx.db
    .select(listColumns)
    .from(d)
    .leftJoin(processVersions, publishedJoin)
    .where(and(where, after))
    .orderBy(asc(d.name), asc(d.id))
    .limit(query.limit + 1);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(d)
    .where(where);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(present),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.row.name, last.row.id) : null,
    total: count?.n ?? 0,
  };
}

function cursorAfter(cursor: string): SQL {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
      return sql`(${d.name}, ${d.id}) > (${name}, ${id}::uuid)`;
  } catch {
    // answered below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Loads a process the actor may see (404 otherwise, across workspaces too), locked when asked. */
export async function findVisible(ctx: Ctx, db: Executor, id: string, lock = false): Promise<DefinitionRow> {
  if (!isUuid(id)) throw notFound('process');
  const query = db
    .select()
    .from(d)
    .where(and(visibleSql(ctx), eq(d.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('process');
  return row;
}

/** Throws 403 unless the actor designs processes. */
export function assertDesigner(ctx: Ctx) {
  if (!canDesign(ctx.actor)) throw forbidden('Only administrators design processes');
}

/** One process with its draft and its versions, newest first. */
export async function getDefinition(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TProcessDefinitionDetail> {
  await findVisible(ctx, db, id);
  const [row] = await db
    .select(listColumns)
    .from(d)
    .leftJoin(processVersions, publishedJoin)
    .where(and(eq(d.workspaceId, ctx.actor.workspaceId), eq(d.id, id)));
  if (!row) throw notFound('process');
  const versions = await db
    .select({
      version: processVersions.version,
      publishedAt: processVersions.publishedAt,
      publishedById: users.id,
      publishedByName: users.name,
      instances: sql<number>`(SELECT count(*)::int FROM ${processInstances} i
        WHERE i.workspace_id = ${processVersions.workspaceId} AND i.version_id = ${processVersions.id})`.mapWith(Number),
      running: sql<number>`(SELECT count(*)::int FROM ${processInstances} i
        WHERE i.workspace_id = ${processVersions.workspaceId} AND i.version_id = ${processVersions.id} AND i.status = 'running')`.mapWith(
        Number,
      ),
    })
    .from(processVersions)
    .leftJoin(users, and(eq(users.workspaceId, processVersions.workspaceId), eq(users.id, processVersions.publishedBy)))
    .where(and(eq(processVersions.workspaceId, ctx.actor.workspaceId), eq(processVersions.definitionId, id)))
    .orderBy(desc(processVersions.version));
  return {
    ...present(row),
    // Those who do not design see the model they start, never an unpublished draft.
    draftXml: canDesign(ctx.actor) ? row.row.draftXml : (row.publishedXml ?? ''),
    draftUpdatedAt: row.row.draftUpdatedAt.toISOString(),
    versions: versions.map(
      (v): TProcessVersion => ({
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedById && v.publishedByName ? { id: v.publishedById, name: v.publishedByName } : null,
        instances: v.instances,
        running: v.running,
      }),
    ),
  };
}

/** Creates a process: empty, from an imported `.bpmn` file, or from a template in the author's language. */
export async function createDefinition(ctx: Ctx, input: TCreateProcessDefinitionInput, locale: TLocale): Promise<TProcessDefinitionDetail> {
  assertDesigner(ctx);
  if (input.xml !== undefined && input.templateKey !== undefined) {
    throw new AppError('validation_failed', 'Give either a file or a template', {
      errors: [{ path: 'templateKey', message: 'Not with xml' }],
    });
  }
  let draftXml: string;
  if (input.xml !== undefined) {
    await parseBpmn(input.xml);
    draftXml = input.xml;
  } else if (input.templateKey !== undefined) {
    const unitNames = await ctx.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(eq(units.workspaceId, ctx.actor.workspaceId))
      .orderBy(asc(units.createdAt));
    draftXml = templateXml(input.templateKey, locale, { units: unitNames });
  } else {
    draftXml = emptyModelXml(input.name);
  }
  const [created] = await ctx.db
    .insert(d)
    .values({
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      description: input.description ?? null,
      templateKey: input.templateKey ?? null,
      draftXml,
      createdBy: ctx.actor.userId,
    })
    .returning({ id: d.id });
  if (!created) throw new Error('insert returned nothing');
  return getDefinition(ctx, created.id);
}

/** Saves the name, description or draft; the draft must be well-formed BPMN, saved over the version the editor opened. */
export async function updateDefinition(ctx: Ctx, id: string, input: TUpdateProcessDefinitionInput): Promise<TProcessDefinitionDetail> {
  assertDesigner(ctx);
  if (input.draftXml !== undefined) await parseBpmn(input.draftXml);
  return ctx.db.transaction(async (tx) => {
    const row = await findVisible(ctx, tx, id, true);
    if (input.draftXml !== undefined && input.baseUpdatedAt !== undefined && new Date(input.baseUpdatedAt) < row.draftUpdatedAt) {
      throw new AppError('draft_changed', 'Someone saved this process after you opened it; reload it to see their changes', {
        errors: [{ path: 'baseUpdatedAt', message: `The draft was saved at ${row.draftUpdatedAt.toISOString()}` }],
      });
    }
    const draftChanges =
      input.draftXml !== undefined && input.draftXml !== row.draftXml ? { draftXml: input.draftXml, draftUpdatedAt: sql`now()` } : {};
    await tx
      .update(d)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description ?? null } : {}),
        ...draftChanges,
        updatedAt: sql`now()`,
      })
      .where(and(eq(d.workspaceId, ctx.actor.workspaceId), eq(d.id, id)));
    return getDefinition(ctx, id, tx);
  });
}

/** Deletes a process (softly: instances that ran keep their history); refused while instances run. */
export async function deleteDefinition(ctx: Ctx, id: string): Promise<void> {
  assertDesigner(ctx);
  await ctx.db.transaction(async (tx) => {
    await findVisible(ctx, tx, id, true);
    const [running] = await tx
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(processInstances)
      .where(
        and(
          eq(processInstances.workspaceId, ctx.actor.workspaceId),
          eq(processInstances.definitionId, id),
          // A failed run can still be retried: it counts as running until cancelled.
          inArray(processInstances.status, ['running', 'failed']),
        ),
      );
    if ((running?.n ?? 0) > 0) {
      throw new AppError(
        'process_running',
        `${running?.n} instances of this process are still running; cancel them or let them finish first`,
      );
    }
    await tx
      .delete(processStartTriggers)
      .where(and(eq(processStartTriggers.workspaceId, ctx.actor.workspaceId), eq(processStartTriggers.definitionId, id)));
    await tx
      .update(d)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(d.workspaceId, ctx.actor.workspaceId), eq(d.id, id)));
  });
}

/** Checks the draft as publication would. */
export async function validateDefinition(ctx: Ctx, id: string): Promise<TProcessValidation> {
  assertDesigner(ctx);
  const row = await findVisible(ctx, ctx.db, id);
  return validateModel(row.draftXml, workspaceLookups(ctx.db, ctx.actor.workspaceId, id));
}

/** The model of one published version (instances of old versions are drawn from it). */
export async function versionXml(ctx: Ctx, id: string, version: number): Promise<{ xml: string }> {
  await findVisible(ctx, ctx.db, id);
  const [row] = await ctx.db
    .select({ xml: processVersions.xml })
    .from(processVersions)
    .where(
      and(
        eq(processVersions.workspaceId, ctx.actor.workspaceId),
        eq(processVersions.definitionId, id),
        eq(processVersions.version, version),
      ),
    );
  if (!row) throw notFound('version');
  return row;
}
