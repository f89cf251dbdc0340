import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const entity = () => text('entity', { enum: ['company', 'contact'] }).notNull();

/** A list's query and columns kept under a name, private to its owner or shared with the workspace. */
export const savedViews = pgTable(
  'saved_view',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: entity(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    shared: boolean('shared').notNull().default(false),
    query: jsonb('query').$type<Record<string, string>>().notNull().default({}),
    columns: text('columns').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    index('saved_view_entity_idx').on(t.workspaceId, t.entity),
  ],
);

/** A static list of companies or contacts, picked by hand or from a filter. */
export const staticLists = pgTable(
  'static_list',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: entity(),
    name: text('name').notNull(),
    notes: text('notes'),
    ownerId: uuid('owner_id').notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    index('static_list_entity_idx').on(t.workspaceId, t.entity),
  ],
);

/**
 * The records of a static list. `record_id` is a company or a contact (the list's entity), so no
 * foreign key: a record moved to the bin stays a member, and lists show only live records.
 */
export const staticListMembers = pgTable(
  'static_list_member',
  {
    workspaceId: uuid('workspace_id').notNull(),
    listId: uuid('list_id').notNull(),
    recordId: uuid('record_id').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.listId, t.recordId] }),
    foreignKey({ columns: [t.workspaceId, t.listId], foreignColumns: [staticLists.workspaceId, staticLists.id] }).onDelete('cascade'),
    index('static_list_member_record_idx').on(t.workspaceId, t.recordId),
  ],
);
