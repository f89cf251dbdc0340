import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** Fields an admin added to companies or contacts; their values live in each record's `custom` column. */
export const customFields = pgTable(
  'custom_field',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entity: text('entity', { enum: ['company', 'contact'] }).notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: ['text', 'number', 'money', 'date', 'select', 'multiselect', 'boolean', 'link'] }).notNull(),
    options: jsonb('options').$type<{ value: string; label: string }[]>().notNull().default([]),
    currency: text('currency'),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('custom_field_key').on(t.workspaceId, t.entity, t.key)],
);
