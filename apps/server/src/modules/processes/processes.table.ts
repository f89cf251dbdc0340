import type { TProcessFormField, TProcessFormValues, TProcessTrigger } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tasks } from '../tasks/tasks.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A process as its author edits it: the draft model; what runs are its published versions. */
export const processDefinitions = pgTable(
  'process_definition',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    templateKey: text('template_key'),
    draftXml: text('draft_xml').notNull(),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The newest published version's number; new instances use it. */
    publishedVersion: integer('published_version'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [users.workspaceId, users.id] }),
    index('process_definition_name_idx').on(t.workspaceId, t.name).where(sql`deleted_at IS NULL`),
  ],
);

/** A published model, never changed again: a running instance keeps its version. */
export const processVersions = pgTable(
  'process_version',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    definitionId: uuid('definition_id').notNull(),
    version: integer('version').notNull(),
    xml: text('xml').notNull(),
    /** What starts it, read from its start events at publication. */
    triggers: jsonb('triggers').$type<TProcessTrigger[]>().notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('process_version_number_uq').on(t.workspaceId, t.definitionId, t.version),
    foreignKey({
      columns: [t.workspaceId, t.definitionId],
      foreignColumns: [processDefinitions.workspaceId, processDefinitions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.publishedBy], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/**
 * What starts instances without a person: a record created or a field changed (matched against
 * the history written in the same transaction), or a schedule. One row per start event of each
 * definition's published version; replaced on publication.
 */
export const processStartTriggers = pgTable(
  'process_start_trigger',
  {
    workspaceId: uuid('workspace_id').notNull(),
    definitionId: uuid('definition_id').notNull(),
    eventId: text('event_id').notNull(),
    versionId: uuid('version_id').notNull(),
    kind: text('kind', { enum: ['recordCreated', 'fieldChanged', 'schedule'] }).notNull(),
    recordType: text('record_type'),
    field: text('field'),
    cron: text('cron'),
    /** For a schedule: when it starts next. */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.definitionId, t.eventId] }),
    foreignKey({
      columns: [t.workspaceId, t.definitionId],
      foreignColumns: [processDefinitions.workspaceId, processDefinitions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.versionId], foreignColumns: [processVersions.workspaceId, processVersions.id] }),
    index('process_start_trigger_record_idx').on(t.workspaceId, t.recordType, t.kind),
    index('process_start_trigger_schedule_idx').on(t.nextRunAt).where(sql`kind = 'schedule'`),
  ],
);

/**
 * A record event that starts instances, queued in the transaction that wrote the record's
 * history (by a trigger on `record_change`); taken and deleted by whoever starts the instances.
 */
export const processSignals = pgTable(
  'process_signal',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    definitionId: uuid('definition_id').notNull(),
    eventId: text('event_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('process_signal_created_idx').on(t.createdAt)],
);

const INSTANCE_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;

/** One run of a process version; the engine's state is saved after every step. */
export const processInstances = pgTable(
  'process_instance',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    definitionId: uuid('definition_id').notNull(),
    versionId: uuid('version_id').notNull(),
    status: text('status', { enum: INSTANCE_STATUSES }).notNull().default('running'),
    recordType: text('record_type'),
    recordId: uuid('record_id'),
    /** Every form value filled so far (the start form's too). */
    form: jsonb('form').$type<TProcessFormValues>().notNull().default({}),
    /** The engine's saved state (bpmn-engine `getState()`); null once ended. */
    state: jsonb('state'),
    /** The elements it waits at: user tasks and timers, with the time it got there. */
    current: jsonb('current').$type<{ elementId: string; name: string | null; since: string }[]>().notNull().default([]),
    error: text('error'),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.definitionId], foreignColumns: [processDefinitions.workspaceId, processDefinitions.id] }),
    foreignKey({ columns: [t.workspaceId, t.versionId], foreignColumns: [processVersions.workspaceId, processVersions.id] }),
    foreignKey({ columns: [t.workspaceId, t.startedBy], foreignColumns: [users.workspaceId, users.id] }),
    index('process_instance_definition_idx').on(t.workspaceId, t.definitionId, t.status, t.startedAt),
    index('process_instance_record_idx').on(t.workspaceId, t.recordId).where(sql`record_id IS NOT NULL`),
    index('process_instance_started_idx').on(t.workspaceId, t.startedAt),
  ],
);

/** Every element an instance entered: when, when it left, who finished it. */
export const processSteps = pgTable(
  'process_step',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    instanceId: uuid('instance_id').notNull(),
    /** The engine's id of this execution of the element (an element can run more than once). */
    executionId: text('execution_id').notNull(),
    elementId: text('element_id').notNull(),
    elementType: text('element_type').notNull(),
    name: text('name'),
    status: text('status', { enum: ['active', 'completed', 'cancelled', 'failed'] })
      .notNull()
      .default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    actorId: uuid('actor_id'),
    taskId: uuid('task_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('process_step_execution_uq').on(t.workspaceId, t.instanceId, t.executionId),
    foreignKey({ columns: [t.workspaceId, t.instanceId], foreignColumns: [processInstances.workspaceId, processInstances.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.actorId], foreignColumns: [users.workspaceId, users.id] }),
    index('process_step_instance_idx').on(t.workspaceId, t.instanceId, t.startedAt),
  ],
);

/** A user step waiting for a person: the assignment it became and the form to fill on it. */
export const processTasks = pgTable(
  'process_task',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    instanceId: uuid('instance_id').notNull(),
    executionId: text('execution_id').notNull(),
    elementId: text('element_id').notNull(),
    name: text('name'),
    taskId: uuid('task_id').notNull(),
    form: jsonb('form').$type<TProcessFormField[]>().notNull().default([]),
    values: jsonb('values').$type<TProcessFormValues>(),
    status: text('status', { enum: ['open', 'completed', 'cancelled'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('process_task_execution_uq').on(t.workspaceId, t.instanceId, t.executionId),
    unique('process_task_task_uq').on(t.workspaceId, t.taskId),
    foreignKey({ columns: [t.workspaceId, t.instanceId], foreignColumns: [processInstances.workspaceId, processInstances.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [tasks.workspaceId, tasks.id] }),
    foreignKey({ columns: [t.workspaceId, t.completedBy], foreignColumns: [users.workspaceId, users.id] }),
    index('process_task_open_idx').on(t.workspaceId, t.instanceId).where(sql`status = 'open'`),
  ],
);

/** A timer of an instance waiting to fire (a deadline, an escalation, a wait). */
export const processTimers = pgTable(
  'process_timer',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    instanceId: uuid('instance_id').notNull(),
    /** The engine's id of the timer's execution. */
    executionId: text('execution_id').notNull(),
    elementId: text('element_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('process_timer_execution_uq').on(t.workspaceId, t.instanceId, t.executionId),
    foreignKey({ columns: [t.workspaceId, t.instanceId], foreignColumns: [processInstances.workspaceId, processInstances.id] }).onDelete(
      'cascade',
    ),
    // The sweep's look-up across workspaces: what is due and not fired.
    index('process_timer_due_idx').on(t.dueAt).where(sql`fired_at IS NULL`),
  ],
);

/**
 * Side effects of a step that leave the database (an e-mail, a webhook call): written in the
 * transaction that saves the step, sent afterwards by one process, so each happens once.
 */
export const processOutbox = pgTable(
  'process_outbox',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    instanceId: uuid('instance_id').notNull(),
    elementId: text('element_id').notNull(),
    kind: text('kind', { enum: ['email', 'webhook'] }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.instanceId], foreignColumns: [processInstances.workspaceId, processInstances.id] }).onDelete(
      'cascade',
    ),
    index('process_outbox_due_idx').on(t.nextAttemptAt).where(sql`state IN ('pending', 'sending')`),
  ],
);
