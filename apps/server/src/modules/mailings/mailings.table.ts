import {
  BIRTHDAY_ACTIONS,
  CONSENT_SOURCES,
  CONSENT_STATES,
  MAILING_STATUSES,
  RECIPIENT_STATUSES,
  TEMPLATE_PURPOSES,
} from '@clientela/contract';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { users } from '../users/users.table.ts';
import { savedViews, staticLists } from '../views/views.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** One language's version of a mail template: the subject and the MJML body, both with `{{placeholders}}`. */
export type TemplateVersion = { subject: string; mjml: string };

/** A mail template (MJML) in up to three languages; each recipient gets theirs, or the first one written. */
export const mailTemplates = pgTable(
  'mail_template',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    purpose: text('purpose', { enum: TEMPLATE_PURPOSES }).notNull().default('marketing'),
    versions: jsonb('versions').$type<Partial<Record<'en' | 'ru' | 'it', TemplateVersion>>>().notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/** A mailing of a template to a segment (a saved view) or a static list, sent at a throttled pace. */
export const mailings = pgTable(
  'mailing',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    templateId: uuid('template_id').notNull(),
    campaignId: uuid('campaign_id'),
    viewId: uuid('view_id'),
    listId: uuid('list_id'),
    status: text('status', { enum: MAILING_STATUSES }).notNull().default('draft'),
    /** At most this many messages a minute. */
    perMinute: integer('per_minute').notNull().default(600),
    trackOpens: boolean('track_opens').notNull().default(false),
    trackClicks: boolean('track_clicks').notNull().default(false),
    /** Recipients when queued (the rest of the counts come from their statuses). */
    total: integer('total').notNull().default(0),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.templateId], foreignColumns: [mailTemplates.workspaceId, mailTemplates.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    foreignKey({ columns: [t.workspaceId, t.viewId], foreignColumns: [savedViews.workspaceId, savedViews.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.listId], foreignColumns: [staticLists.workspaceId, staticLists.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.createdById], foreignColumns: [users.workspaceId, users.id] }),
    index('mailing_created_idx').on(t.workspaceId, t.createdAt.desc()),
  ],
);

/**
 * One contact of a mailing and what became of their message. Consent is looked at again right
 * before sending, so an unsubscribe between queueing and sending still holds.
 */
export const mailingRecipients = pgTable(
  'mailing_recipient',
  {
    workspaceId: uuid('workspace_id').notNull(),
    mailingId: uuid('mailing_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** The secret of the recipient's unsubscribe and tracking links. */
    token: uuid('token').notNull().defaultRandom(),
    email: text('email'),
    status: text('status', { enum: RECIPIENT_STATUSES }).notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    error: text('error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.mailingId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.mailingId], foreignColumns: [mailings.workspaceId, mailings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    uniqueIndex('mailing_recipient_token_key').on(t.token),
    // The sender's queue: the next recipients still to send, in order.
    index('mailing_recipient_queue_idx').on(t.workspaceId, t.mailingId, t.contactId).where(sql`status IN ('queued', 'sending')`),
    index('mailing_recipient_contact_idx').on(t.workspaceId, t.contactId),
  ],
);

/** Every change of a contact's marketing consent: what, when, where from and by whom. */
export const consentEvents = pgTable(
  'consent_event',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    contactId: uuid('contact_id').notNull(),
    state: text('state', { enum: CONSENT_STATES }).notNull(),
    source: text('source', { enum: CONSENT_SOURCES }).notNull(),
    /** The mailing whose unsubscribe link was used, the web form, …: a short free note. */
    detail: text('detail'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    index('consent_event_contact_idx').on(t.workspaceId, t.contactId, t.at),
  ],
);

/** The workspace's birthday automation: mail a greeting, or give the contact's manager a "give a present" task. */
export const birthdaySettings = pgTable(
  'birthday_setting',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(false),
    action: text('action', { enum: BIRTHDAY_ACTIONS }).notNull().default('task'),
    templateId: uuid('template_id'),
    /** Only contacts of this view or list (e.g. class A customers); unset: everyone with a birthday. */
    viewId: uuid('view_id'),
    listId: uuid('list_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.workspaceId, t.templateId], foreignColumns: [mailTemplates.workspaceId, mailTemplates.id] })],
);

/** A birthday greeted (mail sent or task given), once per contact and year whatever the number of runs. */
export const birthdayGreetings = pgTable(
  'birthday_greeting',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    year: smallint('year').notNull(),
    on: date('on').notNull(),
    action: text('action', { enum: BIRTHDAY_ACTIONS }).notNull(),
    taskId: uuid('task_id'),
    status: text('status', { enum: ['done', 'skipped_no_consent', 'skipped_no_email', 'failed'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The secret of the greeting e-mail's unsubscribe link (`/u/<token>`), as a mailing recipient's. */
    token: uuid('token').notNull().defaultRandom(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.year] }),
    uniqueIndex('birthday_greeting_token_key').on(t.token),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);
