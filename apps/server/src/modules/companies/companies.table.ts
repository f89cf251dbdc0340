import { RELATIONSHIP_STYLES } from '@clientela/contract';
import { getTableColumns, sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SEARCH_GIN, tsvector } from '../../db/column-types.ts';
import { attributionColumns, attributionKeys } from '../campaigns/campaigns.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

export type LabelledValue = { label: string; value: string };

/** Client groups: legal entities with one owner (parent company, subsidiaries, sister companies). */
export const companyGroups = pgTable(
  'company_group',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Companies (legal entities) of the shared customer base. */
export const companies = pgTable(
  'company',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    taxNumber: text('tax_number'),
    website: text('website'),
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
    // Normalised copies for matching: every phone's digits, every e-mail lower-cased.
    phoneDigits: text('phone_digits').notNull().default(''),
    emailsNormalised: text('emails_normalised').notNull().default(''),
    leadSource: text('lead_source'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    /** Values of the admin's custom fields, by key. */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    groupId: uuid('group_id'),
    parentCompanyId: uuid('parent_company_id'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    /** How the company likes to be served (personal, dedicated manager, self-service, automated); shown to staff. */
    relationshipStyle: text('relationship_style', { enum: RELATIONSHIP_STYLES }),
    /** Whether the company's invited contacts may sign in to the customer portal. */
    portalAccess: boolean('portal_access').notNull().default(sql`true`),
    /** Name, legal name and tax number, lower-cased: one trigram index serves substring search on all three. */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(tax_number, ''))`,
    ),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(legal_name, '') || ' ' || coalesce(city, ''))
        || to_tsvector('russian', coalesce(notes, '')) || to_tsvector('italian', coalesce(notes, ''))
        || to_tsvector('english', coalesce(notes, ''))`,
    ),
    /** When we last called, met, visited or wrote (from activities; not a change of the record). */
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...attributionColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    ...attributionKeys('company', t),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [companyGroups.workspaceId, companyGroups.id] }),
    foreignKey({ columns: [t.workspaceId, t.parentCompanyId], foreignColumns: [t.workspaceId, t.id] }),
    index('company_group_idx').on(t.workspaceId, t.groupId),
    // The self-reference's key: deleting a company checks that no subsidiary still names it.
    index('company_parent_idx').on(t.workspaceId, t.parentCompanyId).where(sql`parent_company_id IS NOT NULL`),
    index('company_name_idx').on(t.workspaceId, t.name, t.id),
    index('company_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    // The list sorted by newest first: the page is the index's last entries, not a sort of every row.
    index('company_created_idx').on(t.workspaceId, t.createdAt, t.id),
    // With the name: the list of one who reads only their own records is this index's slice, in the
    // default order, instead of a walk of everyone's names in search of theirs.
    index('company_owner_idx').on(t.workspaceId, t.ownerId, t.name, t.id),
    index('company_unit_idx').on(t.workspaceId, t.unitId),
    // Typo-tolerant search ranks by word similarity in the index (KNN); a wide signature keeps it exact.
    index('company_name_gist_idx').using('gist', sql`${t.name} gist_trgm_ops(siglen=64)`),
    // The most common filter with the default sort, over live records only: a list's capped
    // count then reads the index alone (no heap), and records in the bin cost nothing.
    index('company_live_status_name_idx').on(t.workspaceId, t.status, t.name, t.id).where(sql`deleted_at IS NULL`),
    // Not partial: PostgreSQL keeps statistics of an index expression only for a full index.
    // With the name: a list filtered by city reads its page in the default order from the index.
    index('company_city_name_idx').on(t.workspaceId, sql`lower(${t.city})`, t.name, t.id),
    index('company_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with(SEARCH_GIN),
    index('company_phone_trgm_idx').using('gin', sql`${t.phoneDigits} gin_trgm_ops`).with(SEARCH_GIN),
    index('company_email_trgm_idx').using('gin', sql`${t.emailsNormalised} gin_trgm_ops`).with(SEARCH_GIN),
    index('company_search_idx').using('gin', t.searchVector).with(SEARCH_GIN),
  ],
);

/** The columns services read: all but the generated search columns, which only queries use. */
export const companyColumns = (() => {
  const { searchText: _text, searchVector: _vector, ...columns } = getTableColumns(companies);
  return columns;
})();
