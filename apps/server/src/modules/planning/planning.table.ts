import { date, index, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * A sales plan: what should be sold in one month, in the base currency, by the whole company
 * (`total`), a unit, a manager, a product or a customer. A quarter's or a year's plan is the sum of
 * its months. One row per month and target.
 */
export const salesPlans = pgTable(
  'sales_plan',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** The first day of the month planned. */
    month: date('month').notNull(),
    kind: text('kind', { enum: ['total', 'unit', 'owner', 'product', 'company'] }).notNull(),
    /** The unit, manager, product or customer planned for; null for the whole company. */
    targetId: uuid('target_id'),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    updatedById: uuid('updated_by_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('sales_plan_key').on(t.workspaceId, t.kind, t.targetId, t.month).nullsNotDistinct(),
    index('sales_plan_month_idx').on(t.workspaceId, t.month),
  ],
);
