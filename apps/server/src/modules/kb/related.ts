import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { configOf } from './present.ts';

const RELATED_MAX = 5;

/**
 * Up to five published articles near one: those of its category or sharing a tag first, then
 * those whose text is closest to its title (any of the title's words, ranked). `publicOnly`
 * keeps to public articles, for the public base.
 */
export async function relatedArticles(
  db: Executor,
  article: { workspaceId: string; id: string; title: string; language: string; categoryId: string | null; tags: string[] },
  publicOnly: boolean,
): Promise<{ id: string; title: string }[]> {
  const config = configOf(article.language);
  // The title's words joined by OR: "a & b" of plainto_tsquery becomes "a | b".
  const near = sql`replace(plainto_tsquery(${config}, ${article.title})::text, '&', '|')::tsquery`;
  const result = await db.execute<{ id: string; title: string }>(sql`WITH near AS MATERIALIZED (SELECT ${near} AS tsq)
    SELECT b.id, b.title FROM kb_article b, near
    WHERE b.workspace_id = ${article.workspaceId} AND b.id <> ${article.id} AND b.deleted_at IS NULL AND b.status = 'published'
      ${publicOnly ? sql`AND b.audience = 'public'` : sql``}
      AND (b.category_id = ${article.categoryId} OR b.tags && ${sql.param(article.tags)}::text[] OR b.search @@ near.tsq)
    ORDER BY (b.category_id IS NOT DISTINCT FROM ${article.categoryId} AND ${article.categoryId}::uuid IS NOT NULL)
        OR b.tags && ${sql.param(article.tags)}::text[] DESC,
      ts_rank_cd(b.search, near.tsq) DESC, b.updated_at DESC, b.id
    LIMIT ${RELATED_MAX}`);
  return result.rows.map((row) => ({ id: row.id, title: row.title }));
}
