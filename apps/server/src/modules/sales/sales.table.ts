import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { companies, companyGroups } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { deals } from '../deals/deals.table.ts';
import { products } from '../products/products.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * The columns of a document line, computed by PostgreSQL from what was entered so that no line can
 * disagree with its own amounts: net = quantity × price less the discount, VAT on the net, each to cents.
 */
function lineColumns() {
  return {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    position: integer('position').notNull(),
    productId: uuid('product_id'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3 }).notNull(),
    unit: text('unit').notNull(),
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    vatRate: numeric('vat_rate', { precision: 4, scale: 2 }).notNull().default('0'),
    net: numeric('net', { precision: 16, scale: 2 }).generatedAlwaysAs(
      sql`round(quantity * unit_price * (100 - discount_percent) / 100, 2)`,
    ),
    vat: numeric('vat', { precision: 16, scale: 2 }).generatedAlwaysAs(
      sql`round(round(quantity * unit_price * (100 - discount_percent) / 100, 2) * vat_rate / 100, 2)`,
    ),
  };
}

/** Totals of a document, kept in step with its lines by the service in the same transaction. */
function totalColumns() {
  return {
    currency: text('currency').notNull(),
    net: numeric('net', { precision: 16, scale: 2 }).notNull().default('0'),
    vat: numeric('vat', { precision: 16, scale: 2 }).notNull().default('0'),
    total: numeric('total', { precision: 16, scale: 2 }).notNull().default('0'),
    /** The total in the base currency at the rate of the document's date; null while it is unknown. */
    totalBase: numeric('total_base', { precision: 16, scale: 2 }),
  };
}

/** The next number of a kind of document ("Q-2026-0007"), per workspace and year. */
export const documentCounters = pgTable(
  'document_counter',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.year] })],
);

/** A commercial proposal; each version is a row, sharing the number. */
export const quotes = pgTable(
  'quote',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status', { enum: ['draft', 'sent', 'accepted', 'rejected', 'expired'] })
      .notNull()
      .default('draft'),
    companyId: uuid('company_id').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    priceListId: uuid('price_list_id'),
    language: text('language', { enum: ['en', 'ru', 'it'] }).notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    ...totalColumns(),
    notes: text('notes'),
    orderId: uuid('order_id'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('quote_number_version_key').on(t.workspaceId, t.number, t.version),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    index('quote_company_idx').on(t.workspaceId, t.companyId),
    index('quote_deal_idx').on(t.workspaceId, t.dealId),
    // The sweep that expires sent quotes past their date.
    index('quote_sent_until_idx').on(t.validUntil).where(sql`status = 'sent'`),
  ],
);

export const quoteLines = pgTable('quote_line', { ...lineColumns(), quoteId: uuid('quote_id').notNull() }, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.quoteId], foreignColumns: [quotes.workspaceId, quotes.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  index('quote_line_quote_idx').on(t.workspaceId, t.quoteId, t.position),
]);

/** A customer's order, sold and shipped by a branch. */
export const salesOrders = pgTable(
  'sales_order',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    status: text('status', { enum: ['new', 'confirmed', 'shipped', 'delivered', 'cancelled'] })
      .notNull()
      .default('new'),
    companyId: uuid('company_id').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    quoteId: uuid('quote_id'),
    ownerId: uuid('owner_id'),
    unitId: uuid('unit_id'),
    priceListId: uuid('price_list_id'),
    orderedOn: date('ordered_on').notNull(),
    ...totalColumns(),
    invoiced: numeric('invoiced', { precision: 16, scale: 2 }).notNull().default('0'),
    paid: numeric('paid', { precision: 16, scale: 2 }).notNull().default('0'),
    /**
     * What a confirmed, shipped or delivered order still leaves unpaid, in the base currency at the
     * order's date (0 while new or once cancelled): the order's part of its customer's credit exposure.
     */
    exposureBase: numeric('exposure_base', { precision: 16, scale: 2 }).notNull().default('0'),
    creditOverrideById: uuid('credit_override_by_id'),
    creditOverrideReason: text('credit_override_reason'),
    creditOverrideAt: timestamp('credit_override_at', { withTimezone: true }),
    notes: text('notes'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('sales_order_number_key').on(t.workspaceId, t.number),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }),
    foreignKey({ columns: [t.workspaceId, t.quoteId], foreignColumns: [quotes.workspaceId, quotes.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    index('sales_order_company_idx').on(t.workspaceId, t.companyId, t.status),
    index('sales_order_unit_idx').on(t.workspaceId, t.unitId, t.orderedOn),
    index('sales_order_date_idx').on(t.workspaceId, t.orderedOn),
  ],
);

export const orderLines = pgTable('order_line', { ...lineColumns(), orderId: uuid('order_id').notNull() }, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [salesOrders.workspaceId, salesOrders.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  index('order_line_order_idx').on(t.workspaceId, t.orderId, t.position),
  // Sales by product.
  index('order_line_product_idx').on(t.workspaceId, t.productId),
]);

/** Money received against an order, in the order's currency. */
export const payments = pgTable(
  'payment',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    companyId: uuid('company_id').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    paidOn: date('paid_on').notNull(),
    amountBase: numeric('amount_base', { precision: 16, scale: 2 }),
    method: text('method', { enum: ['bank_transfer', 'cash', 'card', 'other'] })
      .notNull()
      .default('bank_transfer'),
    reference: text('reference'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [salesOrders.workspaceId, salesOrders.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    index('payment_order_idx').on(t.workspaceId, t.orderId),
    index('payment_company_idx').on(t.workspaceId, t.companyId, t.paidOn),
  ],
);

/** A credit limit in the base currency, for a company or for a client group. */
export const creditLimits = pgTable(
  'credit_limit',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id'),
    groupId: uuid('group_id'),
    limitBase: numeric('limit_base', { precision: 16, scale: 2 }).notNull(),
    setById: uuid('set_by_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** A row number: the primary key with the workspace (a limit is for a company or a group). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('credit_limit_company_key').on(t.workspaceId, t.companyId).where(sql`company_id IS NOT NULL`),
    uniqueIndex('credit_limit_group_key').on(t.workspaceId, t.groupId).where(sql`group_id IS NOT NULL`),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [companyGroups.workspaceId, companyGroups.id] }).onDelete('cascade'),
  ],
);
