import { createHash } from 'node:crypto';
import {
  IMPORT_PREVIEW_ROWS,
  isLinkField,
  type TImport,
  type TImportEntity,
  type TImportMappingInput,
  type TImportPreview,
  type TImportProblem,
  type TImportTemplate,
  ZImportMapping,
} from '@clientela/contract';
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { companyPolicy } from '../companies/index.ts';
import { contactPolicy } from '../contacts/contacts.policy.ts';
import { definitionsOf } from '../custom-fields/index.ts';
import { dealPolicy } from '../deals/index.ts';
import { leadPolicy } from '../leads/index.ts';
import { priceLists } from '../products/index.ts';
import { users } from '../users/index.ts';
import { closestChoice, convertRow, matchChoice } from './convert.ts';
import { decide } from './decide.ts';
import { choicesOf, headerKey, importFields, isCustomerEntity, isMultiValue, type PriceColumn, suggestMapping } from './fields.ts';
import { dataImportFiles, dataImportProblems, dataImports, importTemplates, type StoredMapping } from './imports.table.ts';
import { previewRecords } from './preview-records.ts';
import { type FileRow, readFile } from './read-file.ts';
import { defaultCountryOf, runContext } from './run.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ImportRow = typeof dataImports.$inferSelect;

const policyOf = (entity: TImportEntity) => (entity === 'company' ? companyPolicy : contactPolicy);

/**
 * Importing creates records: only people who may create the entity may import it (people and
 * exchange rates: admins, as only they enter rates; the catalogue: not employees; leads: as the leads' policy says).
 */
function assertMayImport(ctx: Ctx, entity: TImportEntity) {
  const may =
    entity === 'user' || entity === 'exchange_rate'
      ? ctx.actor.role === 'admin'
      : entity === 'product'
        ? ctx.actor.role !== 'employee'
        : entity === 'deal'
          ? dealPolicy.scope(ctx.actor, 'import') !== 'none'
          : entity === 'lead'
            ? leadPolicy.scope(ctx.actor, 'import') !== 'none'
            : policyOf(entity).scope(ctx.actor, 'import') !== 'none';
  if (!may) throw new AppError('forbidden', `You may not create ${entity} records`);
}

/** The custom fields an entity's import may fill: customers have them, the other entities none. */
const definitionsFor = (db: Executor, workspaceId: string, entity: TImportEntity) =>
  isCustomerEntity(entity) ? definitionsOf(db, workspaceId, entity) : Promise.resolve([]);

/** The price lists a product file may fill, a column each: the workspace's live lists. */
async function priceListsFor(db: Executor, workspaceId: string, entity: TImportEntity): Promise<PriceColumn[]> {
  if (entity !== 'product') return [];
  return db
    .select({ id: priceLists.id, name: priceLists.name, currency: priceLists.currency })
    .from(priceLists)
    .where(and(eq(priceLists.workspaceId, workspaceId), isNull(priceLists.deletedAt)))
    .orderBy(desc(priceLists.isDefault), asc(priceLists.name));
}

/** Every field an entity's file may fill in the workspace. */
async function fieldsFor(db: Executor, workspaceId: string, entity: TImportEntity): Promise<Set<string>> {
  const [definitions, lists] = await Promise.all([definitionsFor(db, workspaceId, entity), priceListsFor(db, workspaceId, entity)]);
  return new Set(importFields(entity, definitions, lists));
}

function present(row: ImportRow, creatorName: string | null): TImport {
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: row.headers,
    rowCount: row.rowCount,
    status: row.status,
    mapping: row.mapping,
    processed: row.processed,
    counts: row.counts,
    error: row.error,
    createdBy: creatorName === null ? null : { id: row.createdBy, name: creatorName },
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Imports the actor may see: their own; an admin sees every import of the workspace. */
function visibleTo(ctx: Ctx) {
  return and(
    eq(dataImports.workspaceId, ctx.actor.workspaceId),
    ctx.actor.role === 'admin' ? undefined : eq(dataImports.createdBy, ctx.actor.userId),
  );
}

async function findImport(ctx: Ctx, db: Executor, id: string, lock = false): Promise<ImportRow> {
  const query = db
    .select()
    .from(dataImports)
    .where(and(visibleTo(ctx), eq(dataImports.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('import');
  return row;
}

async function presentOne(db: Executor, row: ImportRow): Promise<TImport> {
  const [creator] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, row.workspaceId), eq(users.id, row.createdBy)));
  return present(row, creator?.name ?? null);
}

/** A saved template whose headers are the file's headers, if any. */
async function matchingTemplate(ctx: Ctx, entity: TImportEntity, headers: string[]) {
  const templates = await ctx.db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.workspaceId, ctx.actor.workspaceId), eq(importTemplates.entity, entity)))
    .orderBy(desc(importTemplates.createdAt));
  const keys = headers.map(headerKey);
  return templates.find((t) => keys.every((key) => t.columns.some((c) => headerKey(c.header) === key)));
}

/**
 * Takes a file: reads its shape, suggests a mapping (a matching template first), and keeps
 * the file with the import. The same file sent again while its import is open returns that
 * import (`created: false`): a double click never makes two.
 */
export async function uploadImport(
  ctx: Ctx,
  entity: TImportEntity,
  fileName: string,
  content: Buffer,
): Promise<{ import: TImport; created: boolean }> {
  assertMayImport(ctx, entity);
  const sha = createHash('sha256').update(content).digest('hex');
  const { shape } = await readFile(content);
  const definitions = await definitionsFor(ctx.db, ctx.actor.workspaceId, entity);
  const lists = await priceListsFor(ctx.db, ctx.actor.workspaceId, entity);
  const template = await matchingTemplate(ctx, entity, shape.headers);
  const columns = template
    ? shape.headers.map((header) => {
        const column = template.columns.find((c) => headerKey(c.header) === headerKey(header));
        return { field: column?.field ?? null, ...(column?.label !== undefined ? { label: column.label } : {}) };
      })
    : suggestMapping(entity, shape.headers, definitions, lists);
  const defaultCountry = await defaultCountryOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  // A product, person or day's rate already there is the one the file means: updated, never made twice.
  const duplicates = entity === 'product' || entity === 'user' || entity === 'exchange_rate' ? 'update' : 'skip';
  const mapping: StoredMapping = { columns, duplicates, values: template?.values ?? {}, ...(defaultCountry ? { defaultCountry } : {}) };
  const result = await ctx.db.transaction(async (tx) => {
    // Two requests with the same file wait for each other here; the second finds the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${ctx.actor.workspaceId}:${ctx.actor.userId}:${sha}`}))`);
    const [open] = await tx
      .select()
      .from(dataImports)
      .where(
        and(
          eq(dataImports.workspaceId, ctx.actor.workspaceId),
          eq(dataImports.createdBy, ctx.actor.userId),
          eq(dataImports.fileSha256, sha),
          eq(dataImports.entity, entity),
          inArray(dataImports.status, ['mapping', 'queued', 'running']),
        ),
      )
      .limit(1);
    if (open) return { row: open, created: false };
    const [row] = await tx
      .insert(dataImports)
      .values({
        workspaceId: ctx.actor.workspaceId,
        entity,
        createdBy: ctx.actor.userId,
        fileName: fileName.slice(0, 255) || 'import',
        fileSha256: sha,
        format: shape.format,
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        headers: shape.headers,
        rowCount: shape.rowCount,
        mapping,
      })
      .returning();
    if (!row) throw new Error('import insert returned nothing');
    await tx.insert(dataImportFiles).values({ workspaceId: row.workspaceId, importId: row.id, content });
    return { row, created: true };
  });
  return { import: await presentOne(ctx.db, result.row), created: result.created };
}

export async function getImport(ctx: Ctx, id: string): Promise<TImport> {
  return presentOne(ctx.db, await findImport(ctx, ctx.db, id));
}

export async function listImports(ctx: Ctx, limit: number, cursor: string | undefined) {
  const [at, id] = cursor ? cursor.split('|') : [];
  // A cursor is a time and an id; anything else would reach PostgreSQL as a failing cast.
  if (cursor && !(at && id && UUID.test(id) && !Number.isNaN(Date.parse(at)))) {
    throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  const rows = await ctx.db
    .select({ row: dataImports, creator: users.name })
    .from(dataImports)
    .leftJoin(users, and(eq(users.workspaceId, dataImports.workspaceId), eq(users.id, dataImports.createdBy)))
    .where(
      and(
        visibleTo(ctx),
        at && id
          ? or(
              sql`${dataImports.createdAt} < ${at}::timestamptz`,
              and(sql`${dataImports.createdAt} = ${at}::timestamptz`, sql`${dataImports.id} < ${id}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(dataImports.createdAt), desc(dataImports.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const [total] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(dataImports).where(visibleTo(ctx));
  return {
    data: page.map((r) => present(r.row, r.creator)),
    nextCursor: rows.length > limit && last ? `${last.row.createdAt.toISOString()}|${last.row.id}` : null,
    total: total?.n ?? 0,
  };
}

/** Checks a mapping against the file and the entity's fields; 400 names each wrong column. */
async function checkMapping(ctx: Ctx, row: ImportRow, raw: TImportMappingInput): Promise<StoredMapping> {
  const mapping = ZImportMapping.parse(raw);
  const fields = await fieldsFor(ctx.db, ctx.actor.workspaceId, row.entity);
  const errors: { path: string; message: string }[] = [];
  if (mapping.columns.length !== row.headers.length) {
    errors.push({ path: 'columns', message: `The file has ${row.headers.length} columns` });
  }
  const once = new Set<string>();
  mapping.columns.forEach((column, index) => {
    if (column.field === null) return;
    if (!fields.has(column.field)) errors.push({ path: `columns.${index}.field`, message: 'Unknown field' });
    else if (column.field !== 'phones' && column.field !== 'emails' && once.has(column.field)) {
      errors.push({ path: `columns.${index}.field`, message: 'Another column already fills this field' });
    }
    once.add(column.field);
  });
  if (errors.length > 0) throw new AppError('validation_failed', 'The mapping is not valid', { errors });
  return mapping;
}

/** Saves the mapping, the duplicates rule and the decisions about unknown values, before the run. */
export async function saveMapping(ctx: Ctx, id: string, raw: TImportMappingInput): Promise<TImport> {
  const current = await findImport(ctx, ctx.db, id);
  assertMayImport(ctx, current.entity);
  const mapping = await checkMapping(ctx, current, raw);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await findImport(ctx, tx, id, true);
    if (locked.status !== 'mapping') throw new AppError('import_not_editable');
    const [saved] = await tx
      .update(dataImports)
      .set({ mapping })
      .where(and(eq(dataImports.workspaceId, ctx.actor.workspaceId), eq(dataImports.id, id)))
      .returning();
    return saved ?? locked;
  });
  await rememberValues(ctx, row);
  return presentOne(ctx.db, row);
}

/**
 * Decisions about values go to the template the file's headers match: the next file with those
 * values maps itself. Names mapped to records (a product, a stage) make that template, named
 * after the file, when there is none yet.
 */
async function rememberValues(ctx: Ctx, row: ImportRow) {
  if (Object.keys(row.mapping.values).length === 0) return;
  const template = await matchingTemplate(ctx, row.entity, row.headers);
  if (!template) {
    if (!Object.keys(row.mapping.values).some((field) => isLinkField(row.entity, field))) return;
    await ctx.db.insert(importTemplates).values({
      workspaceId: ctx.actor.workspaceId,
      entity: row.entity,
      name: row.fileName.slice(0, 120),
      columns: row.headers.map((header, i) => ({ header, field: row.mapping.columns[i]?.field ?? null })),
      values: row.mapping.values,
      createdBy: ctx.actor.userId,
    });
    return;
  }
  const values = { ...template.values };
  for (const [field, decisions] of Object.entries(row.mapping.values)) values[field] = { ...values[field], ...decisions };
  await ctx.db
    .update(importTemplates)
    .set({ values })
    .where(and(eq(importTemplates.workspaceId, ctx.actor.workspaceId), eq(importTemplates.id, template.id)));
}

/**
 * A new import of the same file with the same mapping, updating what the first one wrote: after
 * a run, values reported unknown are mapped in the new import's values step and the rows go in
 * again without doubling anything (records are found by their key, e.g. a deal by its title).
 */
export async function repeatImport(ctx: Ctx, id: string): Promise<TImport> {
  const source = await findImport(ctx, ctx.db, id);
  assertMayImport(ctx, source.entity);
  if (source.status === 'queued' || source.status === 'running' || source.status === 'mapping')
    throw new AppError('import_not_editable', 'Repeat an import once it has finished');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(dataImports)
      .values({
        workspaceId: ctx.actor.workspaceId,
        entity: source.entity,
        createdBy: ctx.actor.userId,
        fileName: source.fileName,
        fileSha256: source.fileSha256,
        format: source.format,
        encoding: source.encoding,
        delimiter: source.delimiter,
        headers: source.headers,
        rowCount: source.rowCount,
        mapping: { ...source.mapping, duplicates: 'update' },
      })
      .returning();
    if (!created) throw new Error('import insert returned nothing');
    await tx.execute(sql`INSERT INTO data_import_file (workspace_id, import_id, content)
      SELECT workspace_id, ${created.id}, content FROM data_import_file WHERE workspace_id = ${source.workspaceId} AND import_id = ${source.id}`);
    return created;
  });
  return presentOne(ctx.db, row);
}

async function rowsOf(db: Executor, row: ImportRow): Promise<FileRow[]> {
  const [file] = await db
    .select({ content: dataImportFiles.content })
    .from(dataImportFiles)
    .where(and(eq(dataImportFiles.workspaceId, row.workspaceId), eq(dataImportFiles.importId, row.id)));
  if (!file) throw notFound('import');
  return (await readFile(file.content)).rows;
}

/**
 * The first rows as they would be imported with the current mapping, each cell's problems,
 * and every value of a choice field the field does not know, over the whole file.
 */
export async function previewImport(ctx: Ctx, id: string): Promise<TImportPreview> {
  const row = await findImport(ctx, ctx.db, id);
  const rows = await rowsOf(ctx.db, row);
  if (!isCustomerEntity(row.entity)) return previewRecords(ctx, row, rows);
  const run = await runContext(ctx.db, row);
  if (!run) throw notFound('import');
  const first = rows.slice(0, IMPORT_PREVIEW_ROWS);
  const decided = await decide(
    ctx.db,
    run,
    row.workspaceId,
    first.map((r) => convertRow(r, run)),
  );
  const unknown = new Map<string, { field: string; value: string; count: number }>();
  row.mapping.columns.forEach((column, index) => {
    const field = column.field;
    const choices = field ? choicesOf(field, run.definitions) : null;
    if (!field || !choices) return;
    for (const fileRow of rows) {
      const cell = (fileRow.cells[index] ?? '').trim();
      if (!cell) continue;
      const values = isMultiValue(field, run.definitions)
        ? cell.split(/[,;\n]+/).map((v) => v.replace(/\s+/g, ' ').trim())
        : [cell.replace(/\s+/g, ' ')];
      for (const value of values) {
        if (!value || matchChoice(choices, value)) continue;
        const key = `${field}\u0000${value}`;
        const entry = unknown.get(key) ?? { field, value, count: 0 };
        entry.count += 1;
        unknown.set(key, entry);
      }
    }
  });
  return {
    rows: decided.map((d) => ({
      line: d.candidate.line,
      cells: d.candidate.cells,
      outcome: d.outcome,
      problems: d.problems.map((p) => ({
        line: d.candidate.line,
        column: p.column,
        field: p.field,
        code: p.code,
        value: p.value,
        stored: p.stored,
        outcome: d.outcome,
        recordId: p.recordId,
        repeatsLine: p.repeatsLine ?? null,
      })),
      duplicateOf: d.duplicateOf,
    })),
    unknownValues: [...unknown.values()].slice(0, 200).map((u) => {
      const choices = choicesOf(u.field, run.definitions) ?? [];
      return {
        ...u,
        suggestion: closestChoice(choices, u.value),
        options: choices.map((c) => ({ value: c.value, label: c.label })),
        link: false,
      };
    }),
  };
}

/** Queues the run; running it again while queued, running or done changes nothing. */
export async function startImport(ctx: Ctx, id: string): Promise<{ import: TImport; queued: boolean }> {
  const current = await findImport(ctx, ctx.db, id);
  assertMayImport(ctx, current.entity);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await findImport(ctx, tx, id, true);
    if (locked.status !== 'mapping') return { row: locked, queued: false };
    const [queued] = await tx
      .update(dataImports)
      .set({ status: 'queued' })
      .where(and(eq(dataImports.workspaceId, ctx.actor.workspaceId), eq(dataImports.id, id)))
      .returning();
    return { row: queued ?? locked, queued: true };
  });
  return { import: await presentOne(ctx.db, row.row), queued: row.queued };
}

/** Stops an import that has not finished; rows already written stay (they are in the report). */
export async function cancelImport(ctx: Ctx, id: string): Promise<TImport> {
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await findImport(ctx, tx, id, true);
    if (locked.status === 'done' || locked.status === 'failed' || locked.status === 'cancelled') return locked;
    const [cancelled] = await tx
      .update(dataImports)
      .set({ status: 'cancelled', finishedAt: sql`now()` })
      .where(and(eq(dataImports.workspaceId, ctx.actor.workspaceId), eq(dataImports.id, id)))
      .returning();
    return cancelled ?? locked;
  });
  return presentOne(ctx.db, row);
}

const presentProblem = (p: typeof dataImportProblems.$inferSelect): TImportProblem => ({
  line: p.line,
  column: p.column,
  field: p.field,
  code: p.code as TImportProblem['code'],
  value: p.value,
  stored: p.stored,
  outcome: p.outcome,
  recordId: p.recordId,
  repeatsLine: p.repeatsLine,
});

/** The import's problems in line order, a page at a time. */
export async function importProblems(ctx: Ctx, id: string, limit: number, cursor: string | undefined) {
  const row = await findImport(ctx, ctx.db, id);
  const [line, seq] = cursor ? cursor.split('.').map(Number) : [];
  const where = and(eq(dataImportProblems.workspaceId, row.workspaceId), eq(dataImportProblems.importId, row.id));
  const rows = await ctx.db
    .select()
    .from(dataImportProblems)
    .where(
      and(
        where,
        line !== undefined && seq !== undefined && Number.isFinite(line) && Number.isFinite(seq)
          ? or(gt(dataImportProblems.line, line), and(eq(dataImportProblems.line, line), gt(dataImportProblems.seq, seq)))
          : undefined,
      ),
    )
    .orderBy(asc(dataImportProblems.line), asc(dataImportProblems.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const [total] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(dataImportProblems).where(where);
  return {
    data: page.map(presentProblem),
    nextCursor: rows.length > limit && last ? `${last.line}.${last.seq}` : null,
    total: total?.n ?? 0,
  };
}

/** Every problem with the original row it came from, for the downloadable report. */
export async function reportRows(ctx: Ctx, id: string) {
  const row = await findImport(ctx, ctx.db, id);
  const problems = await ctx.db
    .select()
    .from(dataImportProblems)
    .where(and(eq(dataImportProblems.workspaceId, row.workspaceId), eq(dataImportProblems.importId, row.id)))
    .orderBy(asc(dataImportProblems.line), asc(dataImportProblems.seq));
  const byLine = new Map((await rowsOf(ctx.db, row)).map((r) => [r.line, r.cells]));
  return {
    import: row,
    rows: problems.map((p) => ({ problem: presentProblem(p), cells: byLine.get(p.line) ?? [] })),
  };
}

export async function listTemplates(ctx: Ctx, entity: TImportEntity | undefined) {
  const rows = await ctx.db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.workspaceId, ctx.actor.workspaceId), entity ? eq(importTemplates.entity, entity) : undefined))
    .orderBy(asc(importTemplates.name));
  return { data: rows.map(presentTemplate), nextCursor: null, total: rows.length };
}

function presentTemplate(row: typeof importTemplates.$inferSelect): TImportTemplate {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    columns: row.columns,
    values: row.values,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Saves a mapping for files with the same headers; templates are shared in the workspace. */
export async function createTemplate(
  ctx: Ctx,
  input: {
    entity: TImportEntity;
    name: string;
    columns: { header: string; field: string | null; label?: string | undefined }[];
    values?: StoredMapping['values'] | undefined;
  },
): Promise<TImportTemplate> {
  assertMayImport(ctx, input.entity);
  const fields = await fieldsFor(ctx.db, ctx.actor.workspaceId, input.entity);
  const errors = input.columns.flatMap((c, i) =>
    c.field !== null && !fields.has(c.field) ? [{ path: `columns.${i}.field`, message: 'Unknown field' }] : [],
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'The template is not valid', { errors });
  const [row] = await ctx.db
    .insert(importTemplates)
    .values({
      workspaceId: ctx.actor.workspaceId,
      entity: input.entity,
      name: input.name,
      columns: input.columns,
      values: input.values ?? {},
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (!row) throw new Error('template insert returned nothing');
  return presentTemplate(row);
}

/** Deletes a template: its author or an admin. */
export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.workspaceId, ctx.actor.workspaceId), eq(importTemplates.id, id)));
  if (!row) throw notFound('template');
  if (row.createdBy !== ctx.actor.userId && ctx.actor.role !== 'admin')
    throw new AppError('forbidden', 'Only its author or an admin may delete a template');
  await ctx.db.delete(importTemplates).where(and(eq(importTemplates.workspaceId, ctx.actor.workspaceId), eq(importTemplates.id, id)));
}
