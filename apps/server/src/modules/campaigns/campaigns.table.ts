import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { savedViews, staticLists } from '../views/views.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** Where customers come from ("Exhibition", "Yandex ads", "Recommendation"): a managed list. */
export const leadSources = pgTable(
  'lead_source',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('lead_source_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** A marketing effort with dates, a budget and a target segment (a saved view or a static list). */
export const campaigns = pgTable(
  'campaign',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('planned'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** The budget in the workspace's base currency. */
    budget: numeric('budget', { precision: 14, scale: 2 }),
    sourceId: uuid('source_id'),
    ownerId: uuid('owner_id'),
    segmentViewId: uuid('segment_view_id'),
    segmentListId: uuid('segment_list_id'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.sourceId], foreignColumns: [leadSources.workspaceId, leadSources.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.segmentViewId], foreignColumns: [savedViews.workspaceId, savedViews.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.segmentListId], foreignColumns: [staticLists.workspaceId, staticLists.id] }).onDelete(
      'set null',
    ),
    index('campaign_starts_idx').on(t.workspaceId, t.startsOn),
    index('campaign_source_idx').on(t.workspaceId, t.sourceId),
  ],
);

/** One cost of a campaign (stand rent, printing, ads), planned and actual, in the base currency. */
export const campaignCosts = pgTable(
  'campaign_cost',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    description: text('description').notNull(),
    planned: numeric('planned', { precision: 14, scale: 2 }).notNull().default('0'),
    actual: numeric('actual', { precision: 14, scale: 2 }).notNull().default('0'),
    /** When the money was (or will be) spent; the ROI's period and the budget plan count it then. */
    incurredOn: date('incurred_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete('cascade'),
    index('campaign_cost_campaign_idx').on(t.workspaceId, t.campaignId),
  ],
);

/** The marketing budget planned for a source in a month (first day of the month), in the base currency. */
export const budgetPlans = pgTable(
  'marketing_budget_plan',
  {
    workspaceId: uuid('workspace_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    month: date('month').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.sourceId, t.month] }),
    foreignKey({ columns: [t.workspaceId, t.sourceId], foreignColumns: [leadSources.workspaceId, leadSources.id] }).onDelete('cascade'),
  ],
);

/**
 * Where a lead, contact, company or deal came from: the source and campaign of the first touch,
 * and those of the touch that converted it (a lead qualified, a deal won). Spread into each table.
 */
export const attributionColumns = () => ({
  sourceId: uuid('source_id'),
  campaignId: uuid('campaign_id'),
  convertedSourceId: uuid('converted_source_id'),
  convertedCampaignId: uuid('converted_campaign_id'),
});

type Attributed = {
  workspaceId: AnyPgColumn;
  sourceId: AnyPgColumn;
  campaignId: AnyPgColumn;
  convertedSourceId: AnyPgColumn;
  convertedCampaignId: AnyPgColumn;
};

/** The foreign keys and indexes of a table's attribution columns (ROI counts by campaign and by source). */
export function attributionKeys(table: string, t: Attributed) {
  const source = (name: string, column: AnyPgColumn) =>
    foreignKey({
      name: `${table}_${name}_fk`,
      columns: [t.workspaceId, column],
      foreignColumns: [leadSources.workspaceId, leadSources.id],
    });
  const campaign = (name: string, column: AnyPgColumn) =>
    foreignKey({ name: `${table}_${name}_fk`, columns: [t.workspaceId, column], foreignColumns: [campaigns.workspaceId, campaigns.id] });
  return [
    source('source', t.sourceId),
    source('converted_source', t.convertedSourceId),
    campaign('campaign', t.campaignId),
    campaign('converted_campaign', t.convertedCampaignId),
    index(`${table}_campaign_idx`).on(t.workspaceId, t.campaignId).where(sql`campaign_id IS NOT NULL`),
    index(`${table}_converted_campaign_idx`).on(t.workspaceId, t.convertedCampaignId).where(sql`converted_campaign_id IS NOT NULL`),
    index(`${table}_source_idx`).on(t.workspaceId, t.sourceId).where(sql`source_id IS NOT NULL`),
  ];
}
