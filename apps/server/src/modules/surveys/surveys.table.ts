import { SURVEY_STATUSES, type TLocalisedText, type TSurveyQuestion } from '@clientela/contract';
import { foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { mailTemplates } from '../mailings/mailings.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A questionnaire in up to three languages, sent by e-mail with a personal link per contact. */
export const surveys = pgTable(
  'survey',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    title: jsonb('title').$type<TLocalisedText>().notNull(),
    intro: jsonb('intro').$type<TLocalisedText>(),
    thanks: jsonb('thanks').$type<TLocalisedText>(),
    questions: jsonb('questions').$type<TSurveyQuestion[]>().notNull().default([]),
    /** The invitation mail; its `{{survey_link}}` is the contact's personal link. */
    templateId: uuid('template_id'),
    campaignId: uuid('campaign_id'),
    ownerId: uuid('owner_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.templateId], foreignColumns: [mailTemplates.workspaceId, mailTemplates.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/** A contact's personal link to a survey (`/s/<token>`): answerable once. */
export const surveyInvitations = pgTable(
  'survey_invitation',
  {
    workspaceId: uuid('workspace_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    token: uuid('token').notNull().defaultRandom(),
    language: text('language', { enum: ['en', 'ru', 'it'] }).notNull(),
    email: text('email'),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'skipped_no_email'] })
      .notNull()
      .default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The call-list assignment made for this contact (detractor or no answer), if any. */
    callTaskId: uuid('call_task_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.surveyId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.surveyId], foreignColumns: [surveys.workspaceId, surveys.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    uniqueIndex('survey_invitation_token_key').on(t.token),
  ],
);

/** One answered survey: the answers by question id (a number, a choice id, choice ids, or text). */
export const surveyResponses = pgTable(
  'survey_response',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    contactId: uuid('contact_id'),
    language: text('language', { enum: ['en', 'ru', 'it'] }).notNull(),
    answers: jsonb('answers').$type<Record<string, number | string | string[]>>().notNull(),
    /** The NPS answer (0–10) when the survey has an NPS question, for fast NPS and the call list. */
    nps: smallint('nps'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.surveyId], foreignColumns: [surveys.workspaceId, surveys.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('set null'),
    index('survey_response_survey_idx').on(t.workspaceId, t.surveyId, t.submittedAt),
    uniqueIndex('survey_response_contact_key').on(t.workspaceId, t.surveyId, t.contactId),
  ],
);
