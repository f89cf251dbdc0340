import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export { createKbArticle } from './articles.ts';
export { kbArticlePolicy, kbCategoryPolicy } from './kb.policy.ts';
export { kbArticles, kbArticleUses, kbCategories } from './kb.table.ts';
export { getPublicArticleOf, givePublicFeedbackAs, listPublicArticlesOf } from './public.ts';
export { plainTextOf, sanitiseArticleHtml } from './rich-text.ts';

/**
 * Counts the articles inserted into a case's message as used: one kb_article_use row per article
 * and message, and the article's `use_count` raised once per new row. Articles that are not in
 * the workspace (or deleted) are skipped. Returns the ids and titles of the articles counted.
 */
export async function recordArticleUses(
  db: Executor,
  use: { workspaceId: string; caseId: string; messageId: string; userId: string | null; articleIds: readonly string[] },
): Promise<{ id: string; title: string }[]> {
  if (use.articleIds.length === 0) return [];
  const result = await db.execute<{ id: string; title: string }>(sql`WITH used AS (
      INSERT INTO kb_article_use (workspace_id, article_id, case_id, message_id, user_id)
      SELECT a.workspace_id, a.id, ${use.caseId}, ${use.messageId}, ${use.userId} FROM kb_article a
      WHERE a.workspace_id = ${use.workspaceId} AND a.id = ANY(${sql.param([...new Set(use.articleIds)])}::uuid[]) AND a.deleted_at IS NULL
      ON CONFLICT DO NOTHING
      RETURNING article_id)
    UPDATE kb_article a SET use_count = a.use_count + 1 FROM used
    WHERE a.workspace_id = ${use.workspaceId} AND a.id = used.article_id
    RETURNING a.id, a.title`);
  return result.rows;
}
