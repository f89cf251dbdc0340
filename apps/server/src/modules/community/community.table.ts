import { IDEA_STATUSES } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { kbArticles } from '../kb/kb.table.ts';
import { portalUsers } from '../portal/portal.table.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/**
 * Who wrote a post: a customer through the portal (with their contact and company at the time),
 * or a member of staff. Exactly one of the two authors is set. Contacts and companies are never
 * deleted for good (they go to the bin, or are anonymised in place), so the links stay.
 */
const authorColumns = () => ({
  authorPortalUserId: uuid('author_portal_user_id'),
  authorUserId: uuid('author_user_id'),
  contactId: uuid('contact_id'),
  companyId: uuid('company_id'),
});

/**
 * Moderation after publication: a post shows at once; until staff review it, it waits in the
 * moderation queue; staff may hide it (it then shows to nobody but staff).
 */
const moderationColumns = () => ({
  hidden: boolean('hidden').notNull().default(false),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedById: uuid('reviewed_by_id'),
});

/** An idea or suggestion from a customer; customers vote and comment, staff answer with a status. */
export const ideas = pgTable(
  'idea',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    body: text('body'),
    status: text('status', { enum: IDEA_STATUSES }).notNull().default('new'),
    /** Staff's public answer, shown with the status. */
    answer: text('answer'),
    answeredById: uuid('answered_by_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    voteCount: integer('vote_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    ...authorColumns(),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check('idea_one_author', sql`num_nonnulls(author_portal_user_id, author_user_id) = 1`),
    foreignKey({ columns: [t.workspaceId, t.authorPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    foreignKey({ columns: [t.workspaceId, t.authorUserId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.answeredById], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.reviewedById], foreignColumns: [users.workspaceId, users.id] }),
    index('idea_votes_idx').on(t.workspaceId, t.voteCount.desc(), t.id).where(sql`NOT hidden`),
    index('idea_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id),
    index('idea_unreviewed_idx').on(t.workspaceId, t.createdAt).where(sql`reviewed_at IS NULL`),
  ],
);

/** A customer's vote for an idea: one per portal user and idea; it links the idea to the customer who wants it. */
export const ideaVotes = pgTable(
  'idea_vote',
  {
    workspaceId: uuid('workspace_id').notNull(),
    ideaId: uuid('idea_id').notNull(),
    portalUserId: uuid('portal_user_id').notNull(),
    contactId: uuid('contact_id'),
    companyId: uuid('company_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.ideaId, t.portalUserId] }),
    foreignKey({ columns: [t.workspaceId, t.ideaId], foreignColumns: [ideas.workspaceId, ideas.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.portalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    index('idea_vote_company_idx').on(t.workspaceId, t.companyId),
  ],
);

/** A comment on an idea, by a customer or by staff. */
export const ideaComments = pgTable(
  'idea_comment',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ideaId: uuid('idea_id').notNull(),
    body: text('body').notNull(),
    ...authorColumns(),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check('idea_comment_one_author', sql`num_nonnulls(author_portal_user_id, author_user_id) = 1`),
    foreignKey({ columns: [t.workspaceId, t.ideaId], foreignColumns: [ideas.workspaceId, ideas.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.authorPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    foreignKey({ columns: [t.workspaceId, t.authorUserId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.reviewedById], foreignColumns: [users.workspaceId, users.id] }),
    index('idea_comment_idea_idx').on(t.workspaceId, t.ideaId, t.createdAt),
    index('idea_comment_unreviewed_idx').on(t.workspaceId, t.createdAt).where(sql`reviewed_at IS NULL`),
  ],
);

/** A question a customer asks the community; other customers or staff answer, the asker or staff accept one. */
export const communityQuestions = pgTable(
  'community_question',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    body: text('body'),
    acceptedAnswerId: uuid('accepted_answer_id'),
    /** The knowledge-base article the accepted answer was promoted to. */
    articleId: uuid('article_id'),
    answerCount: integer('answer_count').notNull().default(0),
    ...authorColumns(),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check('community_question_one_author', sql`num_nonnulls(author_portal_user_id, author_user_id) = 1`),
    foreignKey({ columns: [t.workspaceId, t.authorPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    foreignKey({ columns: [t.workspaceId, t.authorUserId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.articleId], foreignColumns: [kbArticles.workspaceId, kbArticles.id] }),
    foreignKey({ columns: [t.workspaceId, t.reviewedById], foreignColumns: [users.workspaceId, users.id] }),
    index('community_question_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id),
    index('community_question_unreviewed_idx').on(t.workspaceId, t.createdAt).where(sql`reviewed_at IS NULL`),
  ],
);

/** An answer to a community question, by a customer or by staff. */
export const communityAnswers = pgTable(
  'community_answer',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    questionId: uuid('question_id').notNull(),
    body: text('body').notNull(),
    ...authorColumns(),
    ...moderationColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check('community_answer_one_author', sql`num_nonnulls(author_portal_user_id, author_user_id) = 1`),
    foreignKey({
      columns: [t.workspaceId, t.questionId],
      foreignColumns: [communityQuestions.workspaceId, communityQuestions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.authorPortalUserId], foreignColumns: [portalUsers.workspaceId, portalUsers.id] }),
    foreignKey({ columns: [t.workspaceId, t.authorUserId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    foreignKey({ columns: [t.workspaceId, t.reviewedById], foreignColumns: [users.workspaceId, users.id] }),
    index('community_answer_question_idx').on(t.workspaceId, t.questionId, t.createdAt),
    index('community_answer_unreviewed_idx').on(t.workspaceId, t.createdAt).where(sql`reviewed_at IS NULL`),
  ],
);
