import type { TKbLanguage } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { wordsOf } from './rich-text.ts';

/** What of an article feeds the base's vocabulary. */
export type ArticleWords = { language: TKbLanguage; title: string; answer: string | null; plainText: string } | null;

/** The distinct words of an article, with its language: none for a removed one. */
function vocabulary(article: ArticleWords): { language: TKbLanguage; words: Set<string> } | null {
  return article ? { language: article.language, words: new Set(wordsOf(article.title, article.answer, article.plainText)) } : null;
}

/**
 * Keeps kb_word (the words of the workspace's articles, with how many articles use each) in step
 * with a write: `before` is the article as it was (null for a new one), `after` as it is now (null
 * when removed). Only the difference is written.
 */
export async function updateWords(db: Executor, workspaceId: string, before: ArticleWords, after: ArticleWords): Promise<void> {
  const old = vocabulary(before);
  const now = vocabulary(after);
  const sameLanguage = old && now && old.language === now.language;
  const gone = old ? [...old.words].filter((w) => !(sameLanguage && now.words.has(w))) : [];
  const added = now ? [...now.words].filter((w) => !(sameLanguage && old.words.has(w))) : [];
  if (added.length > 0 && now) {
    await db.execute(sql`INSERT INTO kb_word (workspace_id, language, word, articles)
      SELECT ${workspaceId}::uuid, ${now.language}, w, 1 FROM unnest(${sql.param(added)}::text[]) AS w
      ON CONFLICT (workspace_id, language, word) DO UPDATE SET articles = kb_word.articles + 1`);
  }
  if (gone.length > 0 && old) {
    // Counted down first (a concurrent removal waits for the row and counts from what it left), then a
    // word no article uses any more is forgotten, so that no query is corrected to it: the second
    // statement sees what the first and every committed removal left.
    const words = sql`workspace_id = ${workspaceId} AND language = ${old.language} AND word = ANY(${sql.param(gone.sort())}::text[])`;
    const counted = await db.execute(sql`UPDATE kb_word SET articles = articles - 1 WHERE ${words} RETURNING articles`);
    if (counted.rows.some((row) => Number(row.articles) <= 0)) await db.execute(sql`DELETE FROM kb_word WHERE ${words} AND articles <= 0`);
  }
}
