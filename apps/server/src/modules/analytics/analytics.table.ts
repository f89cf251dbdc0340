import { bigint, index, integer, numeric, pgTable, primaryKey, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * The KPI board's figures, per workspace, hour, owner and unit: what happened in that hour,
 * counted and summed in the base currency. Kept by PostgreSQL triggers in the same transaction
 * as the deals, quotes, companies and contacts they count (migration `kpi_triggers`), so the
 * board is always live and reads a few hundred rows instead of the source tables. Hours (UTC)
 * rather than days, so that "today" or "this week" in any user's time zone is a sum of whole hours.
 */
export const kpiHourly = pgTable(
  'kpi_hourly',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The start of the hour, UTC. */
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    /** Companies and contacts created as potential clients (and not deleted). */
    potentialClients: integer('potential_clients').notNull().default(0),
    /** Proposals sent: each proposal once, by its latest sent version. */
    quotesSent: integer('quotes_sent').notNull().default(0),
    quotesSentBase: numeric('quotes_sent_base', { precision: 18, scale: 2 }).notNull().default('0'),
    /** Deals created (and not deleted), with their amounts in the base currency. */
    newDeals: integer('new_deals').notNull().default(0),
    newDealsBase: numeric('new_deals_base', { precision: 18, scale: 2 }).notNull().default('0'),
    /** Deals that entered a won stage in that hour and are still won. */
    dealsWon: integer('deals_won').notNull().default(0),
    dealsWonBase: numeric('deals_won_base', { precision: 18, scale: 2 }).notNull().default('0'),
    /** A row number: the primary key with the workspace (the natural key above may hold nulls). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One row per hour, owner and unit; no owner or no unit is a row of its own (nulls not distinct).
    unique('kpi_hourly_key').on(t.workspaceId, t.bucket, t.ownerId, t.unitId).nullsNotDistinct(),
    // An employee's own figures.
    index('kpi_hourly_owner_idx').on(t.workspaceId, t.ownerId, t.bucket),
  ],
);

/**
 * The same figures without the owner: per workspace, hour and unit, kept from `kpi_hourly` by its
 * own trigger. The admin's and the managers' boards read this one, twenty times fewer rows than
 * per owner at 20 people a unit; employees read their own rows of `kpi_hourly`.
 */
export const kpiUnitHourly = pgTable(
  'kpi_unit_hourly',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    unitId: uuid('unit_id'),
    potentialClients: integer('potential_clients').notNull().default(0),
    quotesSent: integer('quotes_sent').notNull().default(0),
    quotesSentBase: numeric('quotes_sent_base', { precision: 18, scale: 2 }).notNull().default('0'),
    newDeals: integer('new_deals').notNull().default(0),
    newDealsBase: numeric('new_deals_base', { precision: 18, scale: 2 }).notNull().default('0'),
    dealsWon: integer('deals_won').notNull().default(0),
    dealsWonBase: numeric('deals_won_base', { precision: 18, scale: 2 }).notNull().default('0'),
    /** A row number: the primary key with the workspace (the natural key above may hold nulls). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('kpi_unit_hourly_key').on(t.workspaceId, t.bucket, t.unitId).nullsNotDistinct(),
  ],
);

/**
 * When each proposal version was sent (quotes record only their status): the KPI counts a
 * proposal in the hour its latest sent version went out. Written by the quote triggers.
 */
export const kpiQuoteSendings = pgTable(
  'kpi_quote_sending',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    quoteId: uuid('quote_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.quoteId] })],
);

/**
 * The companies and contacts that were created as potential clients: they stay new potential
 * clients of their day when their status later moves on (records keep only their current status).
 */
export const kpiPotentialClients = pgTable(
  'kpi_potential_client',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** A company's or a contact's id. */
    id: uuid('id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
