import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
