import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** What a person is told about (a task given to them, a step of a task they sent), until they read it. */
export const notifications = pgTable(
  'notification',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', {
      enum: ['task_assigned', 'task_queued', 'task_accepted', 'task_declined', 'task_done', 'task_confirmed', 'task_reopened'],
    }).notNull(),
    taskId: uuid('task_id'),
    title: text('title').notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    index('notification_user_idx').on(t.workspaceId, t.userId, t.createdAt.desc(), t.id.desc()),
    // The unread count of the bell, read on every page.
    index('notification_unread_idx').on(t.workspaceId, t.userId).where(sql`read_at IS NULL`),
  ],
);
