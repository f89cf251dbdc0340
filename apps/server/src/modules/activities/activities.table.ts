import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A call, meeting, visit, e-mail or note about one or more customers. */
export const activities = pgTable(
  'activity',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type', { enum: ['call', 'meeting', 'visit', 'email', 'note'] }).notNull(),
    subject: text('subject'),
    /** Sanitised HTML. */
    body: text('body'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    durationMinutes: integer('duration_minutes'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    outcome: text('outcome', { enum: ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number'] }),
    place: text('place'),
    participants: text('participants'),
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    authorId: uuid('author_id').notNull(),
    /** The author's unit when it was logged: managers edit their unit's activities. */
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.authorId], foreignColumns: [users.workspaceId, users.id] }),
    index('activity_author_idx').on(t.workspaceId, t.authorId, t.occurredAt),
    // Lists of activities read newest first.
    index('activity_occurred_idx').on(t.workspaceId, t.occurredAt.desc(), t.id.desc()),
    index('activity_follow_up_idx').on(t.workspaceId, t.followUpAt).where(sql`follow_up_at IS NOT NULL`),
    // A person's follow-ups (My day).
    index('activity_author_follow_up_idx').on(t.workspaceId, t.authorId, t.followUpAt).where(sql`follow_up_at IS NOT NULL`),
  ],
);

/**
 * What an activity is about: companies, contacts and deals. `occurred_at` repeats the activity's, so
 * that a record's timeline reads newest first straight from the index.
 */
export const activityLinks = pgTable(
  'activity_link',
  {
    workspaceId: uuid('workspace_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    entityType: text('entity_type', { enum: ['company', 'contact', 'deal'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The activity's type and author, repeated too: a timeline filtered by them reads the index alone. */
    activityType: text('activity_type', { enum: ['call', 'meeting', 'visit', 'email', 'note'] }).notNull(),
    authorId: uuid('author_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.activityId, t.entityId] }),
    foreignKey({ columns: [t.workspaceId, t.activityId], foreignColumns: [activities.workspaceId, activities.id] }).onDelete('cascade'),
    // Type and author close the key so that a filtered timeline is an index-only scan.
    index('activity_link_timeline_idx').on(t.workspaceId, t.entityId, t.occurredAt.desc(), t.activityId.desc(), t.activityType, t.authorId),
  ],
);
