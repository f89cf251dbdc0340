import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * How often a customer of a class must be contacted, and which kinds of activity count as a
 * contact. A class without a row follows the defaults (A monthly, B every two months, C quarterly).
 */
export const contactRhythmRules = pgTable(
  'contact_rhythm_rule',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    class: text('class', { enum: ['A', 'B', 'C'] }).notNull(),
    everyDays: integer('every_days').notNull(),
    activityTypes: text('activity_types', { enum: ['call', 'meeting', 'visit', 'email', 'note'] })
      .array()
      .notNull(),
    /** Whether an overdue customer gets a "contact them" task for its owner. */
    createTasks: boolean('create_tasks').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.class] })],
);

/**
 * Each customer's newest activity of each kind, as of `refreshed_at`: a company's own and its
 * people's, a contact's own. `next_at` is the first activity planned after `refreshed_at`: once that
 * has passed, the row no longer tells the newest one and the report looks at the timeline instead,
 * until the row is refreshed. Refreshed by a job every minute from the records marked in
 * `customer_last_contact_change` (see there), so the contact rhythm reports read one row per
 * customer instead of the timeline of each.
 */
export const customerLastContacts = pgTable(
  'customer_last_contact',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
    customerType: text('customer_type', { enum: ['company', 'contact'] }).notNull(),
    callAt: timestamp('call_at', { withTimezone: true }),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    visitAt: timestamp('visit_at', { withTimezone: true }),
    emailAt: timestamp('email_at', { withTimezone: true }),
    noteAt: timestamp('note_at', { withTimezone: true }),
    nextAt: timestamp('next_at', { withTimezone: true }),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    // The rows whose planned activity has come: the job refreshes them.
    index('customer_last_contact_next_idx').on(t.nextAt).where(sql`next_at IS NOT NULL`),
  ],
);

/**
 * Companies and contacts whose activities or people changed since the last refresh, written by
 * triggers on activity links and on who works where, in the same transaction. Rows are only ever
 * appended (no key to wait on, so writers never block each other here); the refresh job takes them
 * all at once. Until then, a report reads a marked customer's timeline itself, so it is exact at
 * any moment.
 */
export const customerLastContactChanges = pgTable(
  'customer_last_contact_change',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text('entity_type', { enum: ['company', 'contact'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** A row number: the primary key with the workspace (a customer is marked again and again). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('customer_last_contact_change_idx').on(t.workspaceId, t.entityId)],
);
