import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * A person away from `startsOn` to `endsOn` (days in their time zone, both included), and who
 * covers for them. `show`: their open work is shown to the deputy; `move`: their open tasks
 * are handed to the deputy when the absence starts (`movedAt`).
 */
export const absences = pgTable(
  'absence',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    mode: text('mode', { enum: ['show', 'move'] })
      .notNull()
      .default('show'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    movedAt: timestamp('moved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.deputyId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [users.workspaceId, users.id] }),
    index('absence_user_idx').on(t.workspaceId, t.userId, t.endsOn),
    index('absence_deputy_idx').on(t.workspaceId, t.deputyId, t.endsOn),
  ],
);
