import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A record shared with a person or a unit beyond what their role reaches: read, or read and update. */
export const recordShares = pgTable(
  'record_share',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** The resource of a policy: companies, contacts, deals, cases, leads … */
    entity: text('entity').notNull(),
    recordId: uuid('record_id').notNull(),
    userId: uuid('user_id'),
    unitId: uuid('unit_id'),
    access: text('access', { enum: ['read', 'update'] })
      .notNull()
      .default('read'),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check('record_share_target_check', sql`(${t.userId} IS NULL) <> (${t.unitId} IS NULL)`),
    check('record_share_access_check', sql`${t.access} IN ('read', 'update')`),
    uniqueIndex('record_share_user_key').on(t.workspaceId, t.entity, t.recordId, t.userId).where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('record_share_unit_key').on(t.workspaceId, t.entity, t.recordId, t.unitId).where(sql`${t.unitId} IS NOT NULL`),
    // The list filter: the records shared with this person or with these units.
    index('record_share_user_idx').on(t.workspaceId, t.entity, t.userId),
    index('record_share_unit_idx').on(t.workspaceId, t.entity, t.unitId),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }).onDelete('cascade'),
  ],
);
