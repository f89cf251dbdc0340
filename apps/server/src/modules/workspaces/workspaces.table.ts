import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/column-types.ts';

/** A tenant: one company using Clientela. Every other row belongs to exactly one. */
export const workspaces = pgTable(
  'workspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** ISO 3166 country of phone numbers written without one, e.g. in an imported file. */
    defaultCountry: text('default_country'),
    /** The currency reports add up in; every amount also keeps its value in it. */
    baseCurrency: text('base_currency').notNull().default('EUR'),
    /** The company's letterhead on quotes and other documents sent to customers. */
    legalName: text('legal_name'),
    address: text('address'),
    taxNumber: text('tax_number'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    /** The logo as PNG or JPEG bytes (small: it is checked on upload), with its media type. */
    logo: bytea('logo'),
    logoType: text('logo_type'),
    /** The customer portal's look: its title and main colour (#rrggbb); the logo above is shown too. */
    portalTitle: text('portal_title'),
    portalColor: text('portal_color'),
    /** How many days the audit log keeps its events; older ones are swept away. */
    auditRetentionDays: integer('audit_retention_days').notNull().default(365),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workspace_slug_key').on(t.slug)],
);
