import { KB_AUDIENCES, KB_LANGUAGES, KB_STATUSES } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../db/column-types.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

/** A knowledge-base category, as a tree. */
export const kbCategories = pgTable(
  'kb_category',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
  ],
);

/**
 * An article of the company's memory: its current version is kept here (earlier ones in
 * kb_article_version). `body` is sanitised HTML; `answer` the short text inserted into a reply.
 * `search` is written by the database in the article's language (stemming per language): the
 * title weighs most, then the answer, then the body's text (tags are matched through their own index).
 * It is stored in the row (STORAGE MAIN, set by migration 0063: not expressed here), for ranking.
 */
export const kbArticles = pgTable(
  'kb_article',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    categoryId: uuid('category_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    answer: text('answer'),
    language: text('language', { enum: KB_LANGUAGES }).notNull(),
    audience: text('audience', { enum: KB_AUDIENCES }).notNull().default('internal'),
    status: text('status', { enum: KB_STATUSES }).notNull().default('published'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    /** The case it was written from, when it was. */
    sourceCaseId: uuid('source_case_id'),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    useCount: integer('use_count').notNull().default(0),
    authorId: uuid('author_id').notNull(),
    updatedById: uuid('updated_by_id').notNull(),
    /** The body's text without tags, for search and the answer's default. */
    plainText: text('plain_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, coalesce(title, '')), 'A') || setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, coalesce(answer, '')), 'B') || setweight(to_tsvector(CASE language WHEN 'ru' THEN 'russian'::regconfig WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END, plain_text), 'C')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.categoryId], foreignColumns: [kbCategories.workspaceId, kbCategories.id] }).onDelete(
      'set null',
    ),
    foreignKey({ columns: [t.workspaceId, t.authorId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.updatedById], foreignColumns: [users.workspaceId, users.id] }),
    index('kb_article_search_idx').using('gin', t.search),
    index('kb_article_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    index('kb_article_category_idx').on(t.workspaceId, t.categoryId, t.updatedAt.desc()).where(sql`deleted_at IS NULL`),
    index('kb_article_updated_idx').on(t.workspaceId, t.updatedAt.desc(), t.id.desc()).where(sql`deleted_at IS NULL`),
    index('kb_article_tags_idx').using('gin', t.tags),
  ],
);

/** Every saved version of an article: what it said, who wrote it, when. */
export const kbArticleVersions = pgTable(
  'kb_article_version',
  {
    workspaceId: uuid('workspace_id').notNull(),
    articleId: uuid('article_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    answer: text('answer'),
    language: text('language', { enum: KB_LANGUAGES }).notNull(),
    audience: text('audience', { enum: KB_AUDIENCES }).notNull(),
    categoryId: uuid('category_id'),
    tags: text('tags').array().notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.articleId, t.version] }),
    foreignKey({ columns: [t.workspaceId, t.articleId], foreignColumns: [kbArticles.workspaceId, kbArticles.id] }).onDelete('cascade'),
  ],
);

/** "Was this helpful?": one answer per reader (a person, or a hashed anonymous visitor of the public base). */
export const kbArticleFeedback = pgTable(
  'kb_article_feedback',
  {
    workspaceId: uuid('workspace_id').notNull(),
    articleId: uuid('article_id').notNull(),
    voter: text('voter').notNull(),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.articleId, t.voter] }),
    foreignKey({ columns: [t.workspaceId, t.articleId], foreignColumns: [kbArticles.workspaceId, kbArticles.id] }).onDelete('cascade'),
  ],
);

/** An article inserted into a case's reply: how often articles are used, and where. */
export const kbArticleUses = pgTable(
  'kb_article_use',
  {
    workspaceId: uuid('workspace_id').notNull(),
    articleId: uuid('article_id').notNull(),
    caseId: uuid('case_id').notNull(),
    messageId: uuid('message_id').notNull(),
    userId: uuid('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.articleId, t.messageId] }),
    foreignKey({ columns: [t.workspaceId, t.articleId], foreignColumns: [kbArticles.workspaceId, kbArticles.id] }).onDelete('cascade'),
    index('kb_article_use_case_idx').on(t.workspaceId, t.caseId),
  ],
);

/**
 * The words of the workspace's articles, per language: a query word the base does not know is
 * corrected to the nearest known one by trigram similarity (typo tolerance).
 */
export const kbWords = pgTable(
  'kb_word',
  {
    workspaceId: uuid('workspace_id').notNull(),
    language: text('language', { enum: KB_LANGUAGES }).notNull(),
    word: text('word').notNull(),
    /** How many articles use it. */
    articles: integer('articles').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.language, t.word] }),
    index('kb_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);
