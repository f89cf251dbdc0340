import { NOTIFICATION_KINDS } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';

/** What a person is told about (a task given to them, a step of a task they sent), until they read it. */
export const notifications = pgTable(
  'notification',
  {
    // No foreign keys: a notice is only written by a statement that joins its person (people and
    // workspaces are deactivated, never deleted), and checking the key row by row was a seventh of
    // a large reminder sweep. See docs/ARCHITECTURE.md, "Notifications".
    workspaceId: uuid('workspace_id').notNull(),
    // Time-ordered (see migration 0028): a sweep writing thousands of notices neither draws a strong
    // random number for each nor scatters them over the whole primary key.
    id: uuid('id').notNull().default(sql`time_ordered_uuid('notification_id_seq')`),
    userId: uuid('user_id').notNull(),
    kind: text('kind', {
      enum: NOTIFICATION_KINDS,
    }).notNull(),
    taskId: uuid('task_id'),
    /** The case it is about (SLA reminders and escalations, a case given to someone). */
    caseId: uuid('case_id'),
    title: text('title').notNull(),
    actorId: uuid('actor_id'),
    /** What the kind needs besides the task: why it escalated, who is away and who covers. */
    detail: jsonb('detail').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** The e-mail copy: pending until a sender takes it, then sending, sent or failed; null when none is wanted. */
    emailState: text('email_state', { enum: ['pending', 'sending', 'sent', 'failed'] }),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('notification_user_idx').on(t.workspaceId, t.userId, t.createdAt.desc(), t.id.desc()),
    // The unread count of the bell, read on every page.
    index('notification_unread_idx').on(t.workspaceId, t.userId).where(sql`read_at IS NULL`),
    // The mail sender's queue.
    index('notification_email_queue_idx').on(t.createdAt).where(sql`email_state IN ('pending', 'sending')`),
  ],
);

/** A person's choice per kind of notice: shown in the app, sent by e-mail. No row: the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preference',
  {
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.kind] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
  ],
);
