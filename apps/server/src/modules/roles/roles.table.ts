import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** Per resource and action, the scope a role reaches: `{ companies: { read: 'all', export: 'none' } }`. */
export type RolePermissions = Record<string, Record<string, 'none' | 'own' | 'unit_only' | 'unit' | 'all'>>;
/** Per entity and field, what a role may do with it: `{ companies: { creditLimit: 'hidden' } }`. */
export type RoleFieldRules = Record<string, Record<string, 'hidden' | 'read_only'>>;

/**
 * A role an admin defines. It starts from a built-in role (`base_role`: admin, manager or
 * employee), whose rights it keeps where `permissions` says nothing; `permissions` sets the
 * scope per resource and action, `field_rules` hides fields or makes them read-only.
 */
export const roles = pgTable(
  'role',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    baseRole: text('base_role', { enum: ['admin', 'manager', 'employee'] }).notNull(),
    permissions: jsonb('permissions').$type<RolePermissions>().notNull().default(sql`'{}'::jsonb`),
    fieldRules: jsonb('field_rules').$type<RoleFieldRules>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('role_name_key').on(t.workspaceId, sql`lower(${t.name})`),
    check('role_base_role_check', sql`${t.baseRole} IN ('admin', 'manager', 'employee')`),
  ],
);
