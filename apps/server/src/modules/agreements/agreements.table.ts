import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { deals } from '../deals/deals.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A promise made to or by a customer, binding the whole company. */
export const agreements = pgTable(
  'agreement',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    details: text('details'),
    status: text('status', { enum: ['proposed', 'agreed', 'fulfilled', 'broken', 'cancelled'] })
      .notNull()
      .default('agreed'),
    companyId: uuid('company_id'),
    contactId: uuid('contact_id'),
    /** Who agreed on our side; the agreement is theirs to keep (and their unit's). */
    agreedById: uuid('agreed_by_id'),
    unitId: uuid('unit_id'),
    agreedOn: date('agreed_on').notNull().default(sql`CURRENT_DATE`),
    validUntil: date('valid_until'),
    resource: text('resource'),
    contractId: uuid('contract_id'),
    /** The deal the promise was made in, shown on the deal's timeline. */
    dealId: uuid('deal_id'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.agreedById], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.contractId], foreignColumns: [contracts.workspaceId, contracts.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }),
    index('agreement_deal_idx').on(t.workspaceId, t.dealId, t.createdAt).where(sql`deal_id IS NOT NULL`),
    index('agreement_contract_idx').on(t.workspaceId, t.contractId).where(sql`contract_id IS NOT NULL`),
    index('agreement_company_idx').on(t.workspaceId, t.companyId, t.createdAt).where(sql`company_id IS NOT NULL`),
    index('agreement_contact_idx').on(t.workspaceId, t.contactId, t.createdAt).where(sql`contact_id IS NOT NULL`),
    index('agreement_agreed_on_idx').on(t.workspaceId, t.agreedOn, t.id),
    index('agreement_resource_trgm_idx').using(
      'gin',
      sql`lower(coalesce(${t.title}, '') || ' ' || coalesce(${t.resource}, '')) gin_trgm_ops`,
    ),
  ],
);
