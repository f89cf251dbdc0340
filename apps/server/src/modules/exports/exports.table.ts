import { EXPORT_RESOURCES } from '@clientela/contract';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/column-types.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A large export written by a background job; the file waits here for its author to fetch it. */
export const dataExports = pgTable(
  'data_export',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    createdBy: uuid('created_by').notNull(),
    resource: text('resource', { enum: EXPORT_RESOURCES }).notNull(),
    format: text('format', { enum: ['csv', 'xlsx', 'vcf'] }).notNull(),
    columns: text('columns'),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    fileName: text('file_name'),
    content: bytea('content'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    index('data_export_created_idx').on(t.workspaceId, t.createdBy, t.createdAt),
  ],
);
