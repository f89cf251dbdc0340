import {
  type TCreateKbArticleInput,
  type TKbArticle,
  type TUpdateKbArticleInput,
  ZCreateKbArticleInput,
  ZUpdateKbArticleInput,
} from '@clientela/contract';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { users } from '../users/index.ts';
import { caseNumber, checkSourceCase } from './from-case.ts';
import { kbArticlePolicy } from './kb.policy.ts';
import { kbArticleFeedback, kbArticles, kbArticleVersions, kbCategories } from './kb.table.ts';
import { presentSummary } from './present.ts';
import { relatedArticles } from './related.ts';
import { plainTextOf, sanitiseArticleHtml } from './rich-text.ts';
import { updateWords } from './words.ts';

type ArticleRow = typeof kbArticles.$inferSelect;

export const staffVoter = (userId: string) => `user:${userId}`;

/** An article of the workspace that is not deleted (locked for a write when `lock`); 404 otherwise. */
export async function findArticle(db: Executor, workspaceId: string, id: string, lock = false): Promise<ArticleRow> {
  const query = db
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id), isNull(kbArticles.deletedAt)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('article');
  return row;
}

const author = alias(users, 'author');
const editor = alias(users, 'editor');

/** An article, whole, as the staff see it: with its related articles and the reader's own feedback. */
async function presentArticle(ctx: Ctx, db: Executor, row: ArticleRow): Promise<TKbArticle> {
  const workspaceId = ctx.actor.workspaceId;
  const [[names], related, sourceCase, mayChange] = await Promise.all([
    db
      .select({
        categoryName: kbCategories.name,
        authorName: author.name,
        editorName: editor.name,
        myFeedback: sql<boolean | null>`(SELECT f.helpful FROM kb_article_feedback f WHERE f.workspace_id = ${workspaceId}
          AND f.article_id = ${row.id} AND f.voter = ${staffVoter(ctx.actor.userId)})`,
      })
      .from(kbArticles)
      .leftJoin(kbCategories, and(eq(kbCategories.workspaceId, kbArticles.workspaceId), eq(kbCategories.id, kbArticles.categoryId)))
      .leftJoin(author, and(eq(author.workspaceId, kbArticles.workspaceId), eq(author.id, kbArticles.authorId)))
      .leftJoin(editor, and(eq(editor.workspaceId, kbArticles.workspaceId), eq(editor.id, kbArticles.updatedById)))
      .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, row.id))),
    relatedArticles(db, row, false),
    caseNumber(db, workspaceId, row.sourceCaseId),
    kbArticlePolicy.can(ctx.actor, 'update', { ownerId: row.authorId }),
  ]);
  return {
    ...presentSummary({ ...row, answer: row.answer ?? row.plainText, categoryName: names?.categoryName ?? null }),
    body: row.body,
    author: names?.authorName ? { id: row.authorId, name: names.authorName } : null,
    updatedBy: names?.editorName ? { id: row.updatedById, name: names.editorName } : null,
    createdAt: row.createdAt.toISOString(),
    sourceCase,
    related,
    myFeedback: names?.myFeedback ?? null,
    mayChange,
  };
}

/** Reads an article (all staff read every article, internal and public). */
export async function getKbArticle(ctx: Ctx, id: string): Promise<TKbArticle> {
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  return presentArticle(ctx, ctx.db, await findArticle(ctx.db, ctx.actor.workspaceId, id));
}

/** A category named by an article must be one of the workspace: 400 naming `categoryId` otherwise. */
async function checkCategory(db: Executor, workspaceId: string, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const [found] = await db
    .select({ id: kbCategories.id })
    .from(kbCategories)
    .where(and(eq(kbCategories.workspaceId, workspaceId), eq(kbCategories.id, categoryId)));
  if (!found)
    throw new AppError('validation_failed', 'No such category', { errors: [{ path: 'categoryId', message: 'No such category' }] });
}

/** Tags as kept: trimmed, each once (whatever its case). */
function cleanTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}

/** The version row of what an article now says. */
function versionOf(row: ArticleRow, authorId: string) {
  return {
    workspaceId: row.workspaceId,
    articleId: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    answer: row.answer,
    language: row.language,
    audience: row.audience,
    categoryId: row.categoryId,
    tags: row.tags,
    authorId,
  };
}

/** Writes a new article (any staff member), its first version, and its words into the vocabulary. */
export async function createKbArticle(ctx: Ctx, raw: TCreateKbArticleInput): Promise<TKbArticle> {
  const input = ZCreateKbArticleInput.parse(raw);
  await kbArticlePolicy.authorize(ctx.actor, 'create');
  const workspaceId = ctx.actor.workspaceId;
  const body = sanitiseArticleHtml(input.body);
  return ctx.db.transaction(async (tx) => {
    await checkCategory(tx, workspaceId, input.categoryId);
    if (input.sourceCaseId) await checkSourceCase(ctx, tx, input.sourceCaseId);
    const [row] = await tx
      .insert(kbArticles)
      .values({
        workspaceId,
        title: input.title,
        body,
        plainText: plainTextOf(body),
        answer: input.answer || null,
        categoryId: input.categoryId ?? null,
        language: input.language,
        audience: input.audience ?? 'internal',
        status: input.status ?? 'published',
        tags: cleanTags(input.tags ?? []),
        sourceCaseId: input.sourceCaseId ?? null,
        authorId: ctx.actor.userId,
        updatedById: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('kb_article insert returned nothing');
    await tx.insert(kbArticleVersions).values(versionOf(row, ctx.actor.userId));
    await updateWords(tx, workspaceId, null, row);
    return presentArticle(ctx, tx, row);
  });
}

/**
 * Saves a new version (the author, managers, admins). `version` is the one the editor started
 * from: when someone saved in between, 409 with the version now saved, and nothing is written.
 */
export async function updateKbArticle(ctx: Ctx, id: string, raw: TUpdateKbArticleInput): Promise<TKbArticle> {
  const input = ZUpdateKbArticleInput.parse(raw);
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const row = await findArticle(tx, workspaceId, id, true);
    await kbArticlePolicy.authorize(ctx.actor, 'update', { ownerId: row.authorId });
    if (input.version !== row.version) {
      throw new AppError('conflict', `Someone saved version ${row.version} after you opened version ${input.version}; reload it`, {
        extra: { reason: 'version_conflict', version: row.version },
      });
    }
    if (input.categoryId && input.categoryId !== row.categoryId) await checkCategory(tx, workspaceId, input.categoryId);
    const body = input.body === undefined ? row.body : sanitiseArticleHtml(input.body);
    const [updated] = await tx
      .update(kbArticles)
      .set({
        title: input.title ?? row.title,
        body,
        plainText: input.body === undefined ? row.plainText : plainTextOf(body),
        answer: input.answer === undefined ? row.answer : input.answer || null,
        categoryId: input.categoryId === undefined ? row.categoryId : input.categoryId,
        language: input.language ?? row.language,
        audience: input.audience ?? row.audience,
        status: input.status ?? row.status,
        tags: input.tags === undefined ? row.tags : cleanTags(input.tags),
        version: row.version + 1,
        updatedById: ctx.actor.userId,
        updatedAt: sql`now()`,
      })
      .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id)))
      .returning();
    if (!updated) throw notFound('article');
    await tx.insert(kbArticleVersions).values(versionOf(updated, ctx.actor.userId));
    await updateWords(tx, workspaceId, row, updated);
    return presentArticle(ctx, tx, updated);
  });
}

/** Moves an article to the bin (managers and admins); its words leave the vocabulary. */
export async function deleteKbArticle(ctx: Ctx, id: string): Promise<void> {
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const row = await findArticle(tx, workspaceId, id, true);
    await kbArticlePolicy.authorize(ctx.actor, 'delete', { ownerId: row.authorId });
    await tx
      .update(kbArticles)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(kbArticles.workspaceId, workspaceId), eq(kbArticles.id, id)));
    await updateWords(tx, workspaceId, row, null);
  });
}

/** Every saved version of an article, newest first, with who saved it. */
export async function listKbArticleVersions(ctx: Ctx, id: string) {
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  await findArticle(ctx.db, workspaceId, id);
  const rows = await ctx.db
    .select({ version: kbArticleVersions, authorName: users.name })
    .from(kbArticleVersions)
    .leftJoin(users, and(eq(users.workspaceId, kbArticleVersions.workspaceId), eq(users.id, kbArticleVersions.authorId)))
    .where(and(eq(kbArticleVersions.workspaceId, workspaceId), eq(kbArticleVersions.articleId, id)))
    .orderBy(desc(kbArticleVersions.version));
  return {
    data: rows.map(({ version, authorName }) => ({
      version: version.version,
      title: version.title,
      body: version.body,
      answer: version.answer,
      author: authorName ? { id: version.authorId, name: authorName } : null,
      createdAt: version.createdAt.toISOString(),
    })),
  };
}

/**
 * Records a reader's "was this helpful" answer (one per reader, changeable) and keeps the
 * article's counts: the article's row is locked first, so two answers never count twice.
 */
export async function recordFeedback(
  db: Executor,
  article: { workspaceId: string; id: string },
  voter: string,
  input: { helpful: boolean; comment?: string | null | undefined },
): Promise<{ helpfulYes: number; helpfulNo: number; myFeedback: boolean }> {
  const where = and(
    eq(kbArticleFeedback.workspaceId, article.workspaceId),
    eq(kbArticleFeedback.articleId, article.id),
    eq(kbArticleFeedback.voter, voter),
  );
  const [before] = await db.select({ helpful: kbArticleFeedback.helpful }).from(kbArticleFeedback).where(where);
  await db
    .insert(kbArticleFeedback)
    .values({ workspaceId: article.workspaceId, articleId: article.id, voter, helpful: input.helpful, comment: input.comment || null })
    .onConflictDoUpdate({
      target: [kbArticleFeedback.workspaceId, kbArticleFeedback.articleId, kbArticleFeedback.voter],
      set: { helpful: input.helpful, comment: input.comment || null, at: sql`now()` },
    });
  const delta = (helpful: boolean) => (input.helpful === helpful ? 1 : 0) - (before?.helpful === helpful ? 1 : 0);
  const [counts] = await db
    .update(kbArticles)
    .set({ helpfulYes: sql`${kbArticles.helpfulYes} + ${delta(true)}`, helpfulNo: sql`${kbArticles.helpfulNo} + ${delta(false)}` })
    .where(and(eq(kbArticles.workspaceId, article.workspaceId), eq(kbArticles.id, article.id)))
    .returning({ helpfulYes: kbArticles.helpfulYes, helpfulNo: kbArticles.helpfulNo });
  return { helpfulYes: counts?.helpfulYes ?? 0, helpfulNo: counts?.helpfulNo ?? 0, myFeedback: input.helpful };
}

/** A staff member's "was this helpful" answer on an article they may read. */
export async function giveKbFeedback(ctx: Ctx, id: string, input: { helpful: boolean; comment?: string | null | undefined }) {
  await kbArticlePolicy.authorize(ctx.actor, 'read');
  return ctx.db.transaction(async (tx) => {
    const row = await findArticle(tx, ctx.actor.workspaceId, id, true);
    return recordFeedback(tx, row, staffVoter(ctx.actor.userId), input);
  });
}
