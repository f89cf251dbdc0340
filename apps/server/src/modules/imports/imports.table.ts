import { IMPORT_ENTITIES } from '@clientela/contract';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/column-types.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

export type ImportColumn = { field: string | null; label?: string | undefined };
export type ValueDecision = { action: 'use'; value: string } | { action: 'keep' } | { action: 'empty' };
export type StoredMapping = {
  columns: ImportColumn[];
  duplicates: 'skip' | 'update' | 'create';
  defaultCountry?: string | undefined;
  values: Record<string, Record<string, ValueDecision>>;
};
export type ImportCounts = { created: number; updated: number; skipped: number; rejected: number; modified: number };

/**
 * One import of a file: what was found in it, the mapping chosen, and how far the run got.
 * `processed` moves forward in the same transaction as the rows it covers, so a run that
 * stops anywhere resumes after the last committed row: nothing is lost or written twice.
 */
export const dataImports = pgTable(
  'data_import',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: text('entity', { enum: IMPORT_ENTITIES }).notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file: the same file submitted again finds the import in progress. */
    fileSha256: text('file_sha256').notNull(),
    format: text('format', { enum: ['csv', 'xlsx', 'vcard'] }).notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    headers: text('headers').array().notNull(),
    rowCount: integer('row_count').notNull(),
    status: text('status', { enum: ['mapping', 'queued', 'running', 'done', 'failed', 'cancelled'] })
      .notNull()
      .default('mapping'),
    mapping: jsonb('mapping').$type<StoredMapping>().notNull(),
    /** Data rows done: the next run starts after them. */
    processed: integer('processed').notNull().default(0),
    /** Whether the links between companies (parent, group) have been made after the rows. */
    linked: timestamp('linked', { withTimezone: true }),
    counts: jsonb('counts').$type<ImportCounts>().notNull().default({ created: 0, updated: 0, skipped: 0, rejected: 0, modified: 0 }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    index('data_import_created_idx').on(t.workspaceId, t.createdAt),
    index('data_import_file_idx').on(t.workspaceId, t.createdBy, t.fileSha256),
  ],
);

/** The uploaded file itself, kept with the import: the originals of every value stay readable. */
export const dataImportFiles = pgTable(
  'data_import_file',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [dataImports.workspaceId, dataImports.id] }).onDelete('cascade'),
  ],
);

/** Every row an import rejected, skipped or changed, with its line and reason. */
export const dataImportProblems = pgTable(
  'data_import_problem',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    seq: integer('seq').notNull(),
    column: integer('column'),
    field: text('field'),
    code: text('code').notNull(),
    value: text('value'),
    stored: text('stored'),
    outcome: text('outcome', { enum: ['create', 'update', 'skip', 'reject'] }).notNull(),
    recordId: uuid('record_id'),
    /** For a row repeating an earlier row of the file: that row's line. */
    repeatsLine: integer('repeats_line'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.line, t.seq] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [dataImports.workspaceId, dataImports.id] }).onDelete('cascade'),
  ],
);

/** Parent-company links named in the file, made once every row is in (the parent may come later). */
export const dataImportLinks = pgTable(
  'data_import_link',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    recordId: uuid('record_id').notNull(),
    parentName: text('parent_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.line] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [dataImports.workspaceId, dataImports.id] }).onDelete('cascade'),
  ],
);

/** A mapping saved under a name, offered again for files with the same headers. */
export const importTemplates = pgTable(
  'import_template',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: text('entity', { enum: IMPORT_ENTITIES }).notNull(),
    name: text('name').notNull(),
    columns: jsonb('columns').$type<{ header: string; field: string | null; label?: string | undefined }[]>().notNull(),
    /** Decisions about values (a product written "GTXPro" is "GTX Pro"), applied to the next file with the same headers. */
    values: jsonb('values').$type<StoredMapping['values']>().notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('import_template_entity_idx').on(t.workspaceId, t.entity)],
);
