import { LEAD_CHANNELS, LEAD_STATUSES } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { attributionColumns, attributionKeys, campaigns, leadSources } from '../campaigns/campaigns.table.ts';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { deals } from '../deals/deals.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** An embeddable form on the company's site; what it collects becomes leads of its source and campaign. */
export const webForms = pgTable(
  'web_form',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** The public address `/f/<key>`: long and random, so forms cannot be guessed. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: ['en', 'ru', 'it'] })
      .notNull()
      .default('en'),
    /** Which of the lead's fields the form shows, in order, and which are required. */
    fields: jsonb('fields').$type<{ field: string; required: boolean }[]>().notNull().default([]),
    title: text('title'),
    thanks: text('thanks'),
    /** The consent text shown beside the marketing checkbox; unset: no checkbox. */
    consentText: text('consent_text'),
    /** Where the browser goes after sending (the company's own thank-you page); unset: our thank-you page. */
    redirectUrl: text('redirect_url'),
    sourceId: uuid('source_id'),
    campaignId: uuid('campaign_id'),
    /** Who gets the new leads (and an assignment to call them back). */
    ownerId: uuid('owner_id'),
    active: boolean('active').notNull().default(true),
    submissions: integer('submissions').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('web_form_key').on(t.key),
    foreignKey({ columns: [t.workspaceId, t.sourceId], foreignColumns: [leadSources.workspaceId, leadSources.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/** A potential customer not yet in the customer base: captured by hand, by import or by a web form. */
export const leads = pgTable(
  'lead',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    channel: text('channel', { enum: LEAD_CHANNELS }).notNull().default('manual'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    name: text('name').generatedAlwaysAs(sql`btrim(first_name || ' ' || last_name)`),
    companyName: text('company_name'),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    city: text('city'),
    language: text('language', { enum: ['en', 'ru', 'it'] }),
    message: text('message'),
    /** Ticked "send me news" on the form (or said so): becomes the contact's marketing consent. */
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    webFormId: uuid('web_form_id'),
    ...attributionColumns(),
    disqualifyReason: text('disqualify_reason'),
    convertedContactId: uuid('converted_contact_id'),
    convertedCompanyId: uuid('converted_company_id'),
    convertedDealId: uuid('converted_deal_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    convertedById: uuid('converted_by_id'),
    /** The submitter's address and browser, kept for spam review. */
    submittedFrom: jsonb('submitted_from').$type<{ ip?: string; userAgent?: string; referrer?: string }>(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    ...attributionKeys('lead', t),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({ columns: [t.workspaceId, t.webFormId], foreignColumns: [webForms.workspaceId, webForms.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.convertedContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.convertedCompanyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.convertedDealId], foreignColumns: [deals.workspaceId, deals.id] }),
    index('lead_list_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()).where(sql`deleted_at IS NULL`),
    index('lead_owner_idx').on(t.workspaceId, t.ownerId, t.status).where(sql`deleted_at IS NULL`),
    index('lead_email_idx').on(t.workspaceId, sql`lower(${t.email})`),
    // A deal's lead (its attribution, the lead page's link back).
    index('lead_converted_deal_idx').on(t.workspaceId, t.convertedDealId).where(sql`converted_deal_id IS NOT NULL`),
  ],
);
