import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../roles/roles.table.ts';
import { units } from '../units/units.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** People who sign in. A user belongs to one workspace and holds one role there. */
export const users = pgTable(
  'app_user',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['en', 'ru', 'it'] })
      .notNull()
      .default('en'),
    timeZone: text('time_zone').notNull().default('UTC'),
    role: text('role', { enum: ['admin', 'manager', 'employee'] })
      .notNull()
      .default('employee'),
    unitId: uuid('unit_id'),
    /** A role an admin defined; its base role is then `role`. Unset: the built-in `role` alone. */
    roleId: uuid('role_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('app_user_email_key').on(t.workspaceId, t.email),
    // Login looks a person up by e-mail before knowing the workspace.
    index('app_user_email_idx').on(t.email),
    index('app_user_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({ columns: [t.workspaceId, t.roleId], foreignColumns: [roles.workspaceId, roles.id] }),
  ],
);
