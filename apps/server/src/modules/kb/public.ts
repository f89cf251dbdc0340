import { createHash } from 'node:crypto';
import type { TKbLanguage } from '@clientela/contract';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { recordFeedback } from './articles.ts';
import { categoriesWithCounts } from './categories.ts';
import { kbArticles, kbCategories } from './kb.table.ts';
import { categoryJoin, summaryColumns } from './present.ts';
import { relatedArticles } from './related.ts';
import { searchArticles } from './search.ts';

/**
 * What the public base shows: published, public, not deleted. Every public read goes through
 * this one condition, so an internal or draft article answers exactly like a missing one.
 */
const publicArticle = (workspaceId: string): SQL =>
  and(
    eq(kbArticles.workspaceId, workspaceId),
    isNull(kbArticles.deletedAt),
    eq(kbArticles.status, 'published'),
    eq(kbArticles.audience, 'public'),
  ) as SQL;

/** The workspace a public address names by its slug; 404 for none. */
async function workspaceOf(db: Database, slug: string): Promise<string> {
  const [found] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  if (!found) throw notFound('knowledge base');
  return found.id;
}

type PublicQuery = { q?: string | undefined; language?: TKbLanguage | undefined; categoryId?: string | undefined; limit: number };

/** The public articles of a workspace, matching `q` (best first) or the newest first. */
export async function listPublicArticles(db: Database, slug: string, query: PublicQuery) {
  return listPublicArticlesOf(db, await workspaceOf(db, slug), query);
}

/** listPublicArticles for a workspace known by its id (the customer portal's). */
export async function listPublicArticlesOf(db: Database, workspaceId: string, query: PublicQuery) {
  const where = and(
    publicArticle(workspaceId),
    query.language ? eq(kbArticles.language, query.language) : undefined,
    query.categoryId ? eq(kbArticles.categoryId, query.categoryId) : undefined,
  ) as SQL;
  const q = query.q?.trim();
  if (q) {
    const found = await searchArticles(db, workspaceId, where, { q, language: query.language, limit: query.limit });
    return {
      data: found.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        answer: hit.answer,
        language: hit.language,
        headline: hit.headline,
        updatedAt: new Date(hit.updatedAt).toISOString(),
      })),
      correctedQuery: found.correctedQuery,
    };
  }
  const rows = await db
    .select(summaryColumns)
    .from(kbArticles)
    .leftJoin(kbCategories, categoryJoin)
    .where(where)
    .orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id))
    .limit(query.limit);
  return {
    data: rows.map((row) => ({
      id: row.id,
      title: row.title,
      answer: row.answer,
      language: row.language,
      headline: null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    correctedQuery: null,
  };
}

/** A public article, whole; 404 for any other (internal, draft, archived, deleted, missing). */
export async function getPublicArticle(db: Database, slug: string, id: string) {
  return getPublicArticleOf(db, await workspaceOf(db, slug), id);
}

/** getPublicArticle for a workspace known by its id (the customer portal's). */
export async function getPublicArticleOf(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select({ article: kbArticles, categoryName: kbCategories.name })
    .from(kbArticles)
    .leftJoin(kbCategories, categoryJoin)
    .where(and(publicArticle(workspaceId), eq(kbArticles.id, id)));
  if (!row) throw notFound('article');
  const { article } = row;
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    answer: article.answer ?? article.plainText,
    category: article.categoryId && row.categoryName !== null ? { id: article.categoryId, name: row.categoryName } : null,
    language: article.language,
    tags: article.tags,
    updatedAt: article.updatedAt.toISOString(),
    related: await relatedArticles(db, article, true),
  };
}

/**
 * The categories of the public base, counting public articles only: a category is shown when it
 * or one below it holds a public article (the names of the others stay inside).
 */
export async function listPublicCategories(db: Database, slug: string) {
  const workspaceId = await workspaceOf(db, slug);
  const all = await categoriesWithCounts(db, workspaceId, eq(kbArticles.audience, 'public'));
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  const shown = new Set<string>();
  for (const category of all) {
    let id: string | null | undefined = category.articles > 0 ? category.id : null;
    while (id && !shown.has(id)) {
      shown.add(id);
      id = parentOf.get(id);
    }
  }
  return { data: all.filter((c) => shown.has(c.id)) };
}

/**
 * A visitor's "was this helpful": one answer per visitor, who is known only by a hash of their
 * address and browser (salted with the workspace), so no address is kept.
 */
export async function givePublicFeedback(
  db: Database,
  slug: string,
  id: string,
  visitor: { ip: string; userAgent: string | undefined },
  input: { helpful: boolean; comment?: string | null | undefined },
): Promise<void> {
  const workspaceId = await workspaceOf(db, slug);
  const voter = `visitor:${createHash('sha256')
    .update(`${workspaceId}\n${visitor.ip}\n${visitor.userAgent ?? ''}`)
    .digest('hex')}`;
  await givePublicFeedbackAs(db, workspaceId, id, voter, input);
}

/** A "was this helpful" answer on a public article of a workspace by a known voter (`portal:<id>` for a customer in the portal). */
export async function givePublicFeedbackAs(
  db: Database,
  workspaceId: string,
  id: string,
  voter: string,
  input: { helpful: boolean; comment?: string | null | undefined },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ workspaceId: kbArticles.workspaceId, id: kbArticles.id })
      .from(kbArticles)
      .where(and(publicArticle(workspaceId), eq(kbArticles.id, id)))
      .for('update');
    if (!row) throw notFound('article');
    await recordFeedback(tx, row, voter, input);
  });
}
