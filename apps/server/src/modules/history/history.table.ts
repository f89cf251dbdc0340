import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

export type FieldChange = { field: string; old: unknown; new: unknown };

/** Every change of every customer record: who, when, which fields, old → new. */
export const recordChanges = pgTable(
  'record_change',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    actorId: uuid('actor_id'),
    action: text('action', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('record_change_entity_idx').on(t.workspaceId, t.entityType, t.entityId, t.at),
  ],
);
