import { ATTACHABLE } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { portalUsers } from '../portal/portal.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A file attached to a record; its bytes live in the attachments folder under the same id. */
export const attachments = pgTable(
  'attachment',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    entityType: text('entity_type', { enum: ATTACHABLE }).notNull(),
    entityId: uuid('entity_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** SHA-256 of the content, to check the stored file. */
    sha256: text('sha256').notNull(),
    /** Who uploaded it: a member of staff, or a customer through the portal (exactly one). */
    uploadedById: uuid('uploaded_by_id'),
    uploadedByPortalUserId: uuid('uploaded_by_portal_user_id'),
    /** The uploader's unit: managers look after their unit's files. */
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.uploadedById], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.uploadedByPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    check('attachment_one_uploader', sql`num_nonnulls(uploaded_by_id, uploaded_by_portal_user_id) = 1`),
    index('attachment_entity_idx').on(t.workspaceId, t.entityId, t.createdAt),
  ],
);
