import { PORTAL_TOKEN_PURPOSES, PORTAL_USER_STATUSES } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/contacts.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A contact's account on the customer portal (`/portal`): separate from employees' users and sessions. */
export const portalUsers = pgTable(
  'portal_user',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    contactId: uuid('contact_id').notNull(),
    /** The sign-in address, lower-cased; unique within the workspace. */
    email: text('email').notNull(),
    /** Argon2id or scrypt hash, as employees' passwords; null while only magic links are used. */
    passwordHash: text('password_hash'),
    status: text('status', { enum: PORTAL_USER_STATUSES }).notNull().default('invited'),
    language: text('language', { enum: ['en', 'ru', 'it'] })
      .notNull()
      .default('en'),
    invitedById: uuid('invited_by_id'),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('portal_user_contact_key').on(t.workspaceId, t.contactId),
    uniqueIndex('portal_user_email_key').on(t.workspaceId, t.email),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.invitedById], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/** A one-time link mailed to a portal user (invitation, magic link, password reset); only a SHA-256 of it is kept. */
export const portalTokens = pgTable(
  'portal_token',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    portalUserId: uuid('portal_user_id').notNull(),
    purpose: text('purpose', { enum: PORTAL_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('portal_token_hash_key').on(t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.portalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }).onDelete('cascade'),
  ],
);

/** A portal browser session (cookie `clientela_portal`); only a SHA-256 of the cookie's secret is kept. */
export const portalSessions = pgTable(
  'portal_session',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    portalUserId: uuid('portal_user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('portal_session_token_hash_key').on(t.tokenHash),
    index('portal_session_user_idx').on(t.workspaceId, t.portalUserId).where(sql`revoked_at IS NULL`),
    foreignKey({ columns: [t.workspaceId, t.portalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }).onDelete('cascade'),
  ],
);
