import { numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
