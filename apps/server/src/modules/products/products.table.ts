import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A shelf of the catalogue ("Bread", "Cakes", "Delivery"), possibly inside another. */
export const productCategories = pgTable(
  'product_category',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
  ],
);

/** Something the company sells: goods by the unit, or a service. */
export const products = pgTable(
  'product',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    sku: text('sku'),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: ['product', 'service'] })
      .notNull()
      .default('product'),
    categoryId: uuid('category_id'),
    unit: text('unit').notNull().default('pcs'),
    vatRate: numeric('vat_rate', { precision: 4, scale: 2 }).notNull().default('0'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed from the catalogue; quotes and orders that name it keep it. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.categoryId], foreignColumns: [productCategories.workspaceId, productCategories.id] }),
    // An SKU names one product of the workspace, in any letter case.
    uniqueIndex('product_sku_key').on(t.workspaceId, sql`lower(${t.sku})`).where(sql`sku IS NOT NULL AND deleted_at IS NULL`),
    index('product_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id).where(sql`deleted_at IS NULL`),
    index('product_category_idx').on(t.workspaceId, t.categoryId),
  ],
);

/** A list of prices in one currency: "Retail EUR", "Wholesale RUB". */
export const priceLists = pgTable(
  'price_list',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('price_list_default_key').on(t.workspaceId).where(sql`is_default AND deleted_at IS NULL`),
  ],
);

/** A product's price in a price list, in the list's currency. */
export const productPrices = pgTable(
  'product_price',
  {
    workspaceId: uuid('workspace_id').notNull(),
    priceListId: uuid('price_list_id').notNull(),
    productId: uuid('product_id').notNull(),
    price: numeric('price', { precision: 14, scale: 2 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.priceListId, t.productId] }),
    foreignKey({ columns: [t.workspaceId, t.priceListId], foreignColumns: [priceLists.workspaceId, priceLists.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete('cascade'),
    index('product_price_product_idx').on(t.workspaceId, t.productId),
  ],
);
