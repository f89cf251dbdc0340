import { sql } from 'drizzle-orm';
import {
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
import { attributionColumns, attributionKeys } from '../campaigns/campaigns.table.ts';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { products } from '../products/products.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A sales process: its stages in order, from the first contact to won or lost. */
export const pipelines = pgTable(
  'pipeline',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One default pipeline per workspace: also what makes creating it on first use safe from a race.
    uniqueIndex('pipeline_default_key').on(t.workspaceId).where(sql`is_default AND deleted_at IS NULL`),
  ],
);

/** A step of a pipeline. Removed stages stay (deleted_at) for the deals' history. */
export const pipelineStages = pgTable(
  'pipeline_stage',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind', { enum: ['open', 'won', 'lost'] }).notNull(),
    requiredFields: text('required_fields').array().notNull().default(sql`'{}'::text[]`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id] }).onDelete('cascade'),
    index('pipeline_stage_pipeline_idx').on(t.workspaceId, t.pipelineId, t.position),
  ],
);

/** Why deals are lost: a short managed list, so the lost-deals report can count them. */
export const lostReasons = pgTable(
  'lost_reason',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** An opportunity: what may be sold to whom, for how much, and how far it has come. */
export const deals = pgTable(
  'deal',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    source: text('source'),
    productId: uuid('product_id'),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    currency: text('currency'),
    /** The amount in the base currency at the rate of `rate_on`; null while that rate is unknown. */
    amountBase: numeric('amount_base', { precision: 16, scale: 2 }),
    /** The deal's date for its rate: its close date once closed, else its expected close date, else its creation. */
    rateOn: date('rate_on').notNull(),
    probability: integer('probability'),
    expectedCloseOn: date('expected_close_on'),
    closedOn: date('closed_on'),
    lostReasonId: uuid('lost_reason_id'),
    lostNote: text('lost_note'),
    notes: text('notes'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...attributionColumns(),
    /** The lead this deal was converted from. */
    leadId: uuid('lead_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    ...attributionKeys('deal', t),
    foreignKey({ columns: [t.workspaceId, t.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id] }),
    foreignKey({ columns: [t.workspaceId, t.stageId], foreignColumns: [pipelineStages.workspaceId, pipelineStages.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({ columns: [t.workspaceId, t.lostReasonId], foreignColumns: [lostReasons.workspaceId, lostReasons.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
    // The board: a stage's cards, newest in the stage first.
    // In the order the board and the list ask for (DESC is NULLS FIRST unless told), so they read it without sorting.
    index('deal_board_idx')
      .on(t.workspaceId, t.stageId, t.stageEnteredAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at IS NULL`),
    index('deal_owner_idx').on(t.workspaceId, t.ownerId).where(sql`deleted_at IS NULL`),
    index('deal_company_idx').on(t.workspaceId, t.companyId),
    index('deal_contact_idx').on(t.workspaceId, t.contactId),
    index('deal_product_idx').on(t.workspaceId, t.productId),
    // The deals whose base value a new rate changes.
    // Reports of closed deals read a period of close dates.
    index('deal_closed_idx').on(t.workspaceId, t.closedOn).where(sql`deleted_at IS NULL AND closed_on IS NOT NULL`),
    index('deal_rate_idx').on(t.workspaceId, t.currency, t.rateOn).where(sql`amount IS NOT NULL`),
  ],
);

/** Each move of a deal from one stage to another, with when and who: the funnel's raw data. */
export const dealStageChanges = pgTable(
  'deal_stage_change',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dealId: uuid('deal_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedById: uuid('changed_by_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    index('deal_stage_change_deal_idx').on(t.workspaceId, t.dealId, t.changedAt),
  ],
);
