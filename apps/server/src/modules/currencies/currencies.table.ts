import { date, foreignKey, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A currency the workspace trades in besides its base currency (which is on the workspace). */
export const workspaceCurrencies = pgTable(
  'workspace_currency',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.code] })],
);

/**
 * One unit of `currency` is worth `rate` units of the workspace's base currency from the day `on`
 * until the next rate of that currency. Amounts are converted at the rate of their date.
 */
export const exchangeRates = pgTable(
  'exchange_rate',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    on: date('on').notNull(),
    rate: numeric('rate', { precision: 18, scale: 8 }).notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also the index of "the rate on a day": the newest `on` not after it.
    primaryKey({ columns: [t.workspaceId, t.currency, t.on] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
  ],
);
