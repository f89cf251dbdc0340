import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * Addresses never to be mailed again, kept as a SHA-256 of the normalised address (so an erased
 * person's address is not kept in clear): written when a person is erased, read by the sender.
 */
export const mailSuppressions = pgTable(
  'mail_suppression',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    emailHash: text('email_hash').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })],
);

/** Each erasure of a person: which contact, who erased it, when and why (the person's data itself is gone). */
export const personErasures = pgTable(
  'person_erasure',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    contactId: uuid('contact_id').notNull(),
    erasedById: uuid('erased_by_id'),
    reason: text('reason'),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('person_erasure_contact_idx').on(t.workspaceId, t.contactId)],
);
