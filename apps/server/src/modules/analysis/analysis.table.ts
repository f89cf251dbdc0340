import { bigint, date, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * A workspace's ABC×XYZ settings: the cumulative revenue shares that close classes A and B (80 and
 * 95 % by default), the coefficients of variation that close X and Y, what revenue is, and whether
 * the computed class is written to the customers by itself.
 */
export const abcSettings = pgTable('abc_setting', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  aShare: numeric('a_share', { precision: 5, scale: 2 }).notNull().default('80'),
  bShare: numeric('b_share', { precision: 5, scale: 2 }).notNull().default('95'),
  xVariation: numeric('x_variation', { precision: 5, scale: 2 }).notNull().default('10'),
  yVariation: numeric('y_variation', { precision: 5, scale: 2 }).notNull().default('25'),
  /** Revenue is the value of won deals by their close date, or of orders by their date. */
  basis: text('basis', { enum: ['won_deals', 'orders'] })
    .notNull()
    .default('won_deals'),
  /** Written to the customers' class field on the first day of each month, or only on demand. */
  schedule: text('schedule', { enum: ['manual', 'monthly'] })
    .notNull()
    .default('manual'),
  /** When the classes were last written, and by whom (null: by the schedule). */
  writtenAt: timestamp('written_at', { withTimezone: true }),
  writtenById: uuid('written_by_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Revenue per workspace, calendar month, customer, owner and unit, in the base currency: the won
 * deals by their close date (`won_deals`) and the orders that are not cancelled by their date
 * (`orders`), summed and counted. Kept by PostgreSQL triggers on deals, orders and stages in the same
 * transaction (migration `revenue_monthly_triggers`), so the ABC×XYZ analysis reads a few thousand
 * rows instead of every closed deal of the period. Owner and unit stay in the key because readers see
 * revenue by the same owner-or-unit rule as the deals and orders themselves.
 */
export const revenueMonthly = pgTable(
  'revenue_monthly',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    basis: text('basis', { enum: ['won_deals', 'orders'] }).notNull(),
    /** The first day of the month. */
    month: date('month').notNull(),
    companyId: uuid('company_id'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
    count: integer('count').notNull().default(0),
    /** A row number: the primary key with the workspace (the natural key above may hold nulls). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  // One row per month, customer, owner and unit; a missing one is a row of its own (nulls not distinct).
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('revenue_monthly_key').on(t.workspaceId, t.basis, t.month, t.companyId, t.ownerId, t.unitId).nullsNotDistinct(),
  ],
);
