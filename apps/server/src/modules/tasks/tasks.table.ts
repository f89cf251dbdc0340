import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

const STATUSES = ['sent', 'received', 'accepted', 'declined', 'in_progress', 'done', 'confirmed'] as const;

/** An assignment from a person to a person or to a unit's queue. */
export const tasks = pgTable(
  'task',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    kind: text('kind'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: text('status', { enum: STATUSES }).notNull().default('sent'),
    checklist: jsonb('checklist').$type<{ text: string; done: boolean }[]>().notNull().default([]),
    senderId: uuid('sender_id').notNull(),
    assigneeId: uuid('assignee_id'),
    queueUnitId: uuid('queue_unit_id'),
    /** The assignee's unit, or the queue's: whose managers look after the task. */
    unitId: uuid('unit_id'),
    watcherIds: uuid('watcher_ids').array().notNull().default(sql`'{}'::uuid[]`),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    committedDate: date('committed_date'),
    declineReason: text('decline_reason'),
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.senderId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.queueUnitId], foreignColumns: [units.workspaceId, units.id] }),
    index('task_assignee_idx').on(t.workspaceId, t.assigneeId, t.status),
    index('task_sender_idx').on(t.workspaceId, t.senderId, t.createdAt),
    index('task_queue_idx').on(t.workspaceId, t.queueUnitId).where(sql`assignee_id IS NULL`),
    index('task_due_idx').on(t.workspaceId, t.dueAt).where(sql`status NOT IN ('done', 'confirmed', 'declined')`),
    // A person's open work by due time: My day's overdue and due-today.
    index('task_assignee_due_idx').on(t.workspaceId, t.assigneeId, t.dueAt).where(sql`status NOT IN ('done', 'confirmed', 'declined')`),
    index('task_watchers_idx').using('gin', t.watcherIds),
  ],
);

/** A record an assignment is about: a company, a contact, an agreement, a contract or a deal. */
export const taskLinks = pgTable(
  'task_link',
  {
    workspaceId: uuid('workspace_id').notNull(),
    taskId: uuid('task_id').notNull(),
    recordType: text('record_type', { enum: ['company', 'contact', 'agreement', 'contract', 'deal', 'case'] }).notNull(),
    recordId: uuid('record_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.taskId, t.recordType, t.recordId] }),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [tasks.workspaceId, tasks.id] }).onDelete('cascade'),
    index('task_link_record_idx').on(t.workspaceId, t.recordId),
  ],
);

/** One transition of an assignment: who, when, from, to, and a note. */
export const taskEvents = pgTable(
  'task_event',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [tasks.workspaceId, tasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.actorId], foreignColumns: [users.workspaceId, users.id] }),
    index('task_event_task_idx').on(t.workspaceId, t.taskId, t.at),
  ],
);

/** A unit's standard lead time for a type of work ("equipment testing": 14 days). */
export const unitLeadTimes = pgTable(
  'unit_lead_time',
  {
    workspaceId: uuid('workspace_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    days: integer('days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.unitId, t.kind] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }).onDelete('cascade'),
  ],
);

/**
 * When a workspace reminds and escalates: the assignee some time before the due time; the
 * unit head when a task is overdue, or not received or not accepted in time; again every
 * `repeatMinutes` while it stays so. No row: the defaults.
 */
export const taskReminderRules = pgTable('task_reminder_rule', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  remindBeforeMinutes: integer('remind_before_minutes').notNull(),
  notReceivedMinutes: integer('not_received_minutes').notNull(),
  notAcceptedMinutes: integer('not_accepted_minutes').notNull(),
  repeatMinutes: integer('repeat_minutes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every reminder and escalation sent, one row per task, kind and occurrence (the due time, or
 * the start of the repetition it belongs to): a second sweep, in this process or another,
 * finds the row and sends nothing.
 */
export const taskReminders = pgTable(
  'task_reminder',
  {
    workspaceId: uuid('workspace_id').notNull(),
    taskId: uuid('task_id').notNull(),
    kind: text('kind', { enum: ['due_soon', 'overdue', 'not_received', 'not_accepted'] }).notNull(),
    occurrence: timestamp('occurrence', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.taskId, t.kind, t.occurrence] }),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [tasks.workspaceId, tasks.id] }).onDelete('cascade'),
  ],
);
