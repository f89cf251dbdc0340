import { CONSENT_SOURCES, CONSENT_STATES } from '@clientela/contract';
import { getTableColumns, sql } from 'drizzle-orm';
import { date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SEARCH_GIN, tsvector } from '../../db/column-types.ts';
import { attributionColumns, attributionKeys } from '../campaigns/campaigns.table.ts';
import { companies, type LabelledValue } from '../companies/companies.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** People of the shared customer base: a bakery's regulars, a buyer at a client company. */
export const contacts = pgTable(
  'contact',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    name: text('name').generatedAlwaysAs(sql`btrim(first_name || ' ' || last_name)`),
    position: text('position'),
    birthday: date('birthday'),
    preferredChannel: text('preferred_channel', { enum: ['phone', 'email', 'messenger', 'visit', 'post'] }),
    preferences: text('preferences'),
    personalEvents: text('personal_events'),
    relationships: text('relationships').array().notNull().default(sql`'{client}'`),
    status: text('status', { enum: ['potential', 'new', 'active', 'dormant', 'lost'] })
      .notNull()
      .default('new'),
    class: text('class', { enum: ['A', 'B', 'C'] }),
    region: text('region'),
    city: text('city'),
    address: text('address'),
    phones: jsonb('phones').$type<LabelledValue[]>().notNull().default([]),
    emails: jsonb('emails').$type<LabelledValue[]>().notNull().default([]),
    phoneDigits: text('phone_digits').notNull().default(''),
    emailsNormalised: text('emails_normalised').notNull().default(''),
    leadSource: text('lead_source'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    /** Values of the admin's custom fields, by key. */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    /** Names and position, lower-cased, for substring search through one trigram index. */
    searchText: text('search_text').generatedAlwaysAs(sql`lower(first_name || ' ' || last_name || ' ' || coalesce(position, ''))`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('simple', first_name || ' ' || last_name || ' ' || coalesce(city, ''))
        || to_tsvector('russian', coalesce(notes, '') || ' ' || coalesce(preferences, ''))
        || to_tsvector('italian', coalesce(notes, '') || ' ' || coalesce(preferences, ''))
        || to_tsvector('english', coalesce(notes, '') || ' ' || coalesce(preferences, ''))`,
    ),
    /** When we last called, met, visited or wrote (from activities; not a change of the record). */
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...attributionColumns(),
    /** The language the contact is written to (mailings, surveys); unset: their manager's. */
    language: text('language', { enum: ['en', 'ru', 'it'] }),
    /** Marketing consent: granted, withdrawn (unsubscribed), or never asked (null); with when and where from. */
    marketingConsent: text('marketing_consent', { enum: CONSENT_STATES }),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentSource: text('consent_source', { enum: CONSENT_SOURCES }),
    /** When mail to the contact's address came back as undeliverable; marketing mail skips them. */
    emailBouncedAt: timestamp('email_bounced_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    ...attributionKeys('contact', t),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    index('contact_name_idx').on(t.workspaceId, t.name, t.id),
    index('contact_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    // The list sorted by newest first: the page is the index's last entries, not a sort of every row.
    index('contact_created_idx').on(t.workspaceId, t.createdAt, t.id),
    // With the name: the list of one who reads only their own records is this index's slice, in the
    // default order, instead of a walk of everyone's names in search of theirs.
    index('contact_owner_idx').on(t.workspaceId, t.ownerId, t.name, t.id),
    index('contact_unit_idx').on(t.workspaceId, t.unitId),
    // Typo-tolerant search ranks by word similarity in the index (KNN); a wide signature keeps it exact.
    index('contact_name_gist_idx').using('gist', sql`${t.name} gist_trgm_ops(siglen=64)`),
    // The most common filter with the default sort, over live records only: a list's capped
    // count then reads the index alone (no heap), and records in the bin cost nothing.
    index('contact_live_status_name_idx').on(t.workspaceId, t.status, t.name, t.id).where(sql`deleted_at IS NULL`),
    // Not partial: PostgreSQL keeps statistics of an index expression only for a full index.
    // With the name: a list filtered by city reads its page in the default order from the index.
    index('contact_city_name_idx').on(t.workspaceId, sql`lower(${t.city})`, t.name, t.id),
    index('contact_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with(SEARCH_GIN),
    index('contact_phone_trgm_idx').using('gin', sql`${t.phoneDigits} gin_trgm_ops`).with(SEARCH_GIN),
    index('contact_email_trgm_idx').using('gin', sql`${t.emailsNormalised} gin_trgm_ops`).with(SEARCH_GIN),
    index('contact_search_idx').using('gin', t.searchVector).with(SEARCH_GIN),
    index('contact_birthday_idx')
      .on(t.workspaceId, sql`extract(month from ${t.birthday})`, sql`extract(day from ${t.birthday})`)
      .where(sql`birthday IS NOT NULL AND deleted_at IS NULL`),
  ],
);

/** Who works where: a contact can work for several companies, with a role in each. */
export const contactCompanies = pgTable(
  'contact_company',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    companyId: uuid('company_id').notNull(),
    role: text('role').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.companyId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }).onDelete('cascade'),
    index('contact_company_company_idx').on(t.workspaceId, t.companyId),
  ],
);

/** The columns services read: all but the generated search columns, which only queries use. */
export const contactColumns = (() => {
  const { searchText: _text, searchVector: _vector, ...columns } = getTableColumns(contacts);
  return columns;
})();
