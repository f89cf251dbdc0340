import { sql } from 'drizzle-orm';
import { date, foreignKey, index, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A contract with a customer company: what, from when to when, for how much, and whether it renews. */
export const contracts = pgTable(
  'contract',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    subject: text('subject').notNull(),
    companyId: uuid('company_id').notNull(),
    contactId: uuid('contact_id'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    value: numeric('value', { precision: 14, scale: 2 }),
    currency: text('currency'),
    renewal: text('renewal', { enum: ['auto_renew', 'to_renegotiate', 'verbally_renewed', 'ended'] })
      .notNull()
      .default('to_renegotiate'),
    responsibleId: uuid('responsible_id'),
    unitId: uuid('unit_id'),
    notes: text('notes'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.responsibleId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
    // A contract number names one live contract of the workspace.
    uniqueIndex('contract_number_key').on(t.workspaceId, t.number).where(sql`deleted_at IS NULL`),
    index('contract_company_idx').on(t.workspaceId, t.companyId),
    // The "expiring in the next N days" list reads live, unended contracts by end date.
    index('contract_end_idx').on(t.workspaceId, t.endDate, t.id).where(sql`deleted_at IS NULL AND renewal <> 'ended'`),
  ],
);
