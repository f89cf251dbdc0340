import type { TKbLanguage } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { kbArticles, kbCategories } from './kb.table.ts';
import { lexemesOf, passageOf, wordCutter } from './passage.ts';
import { configOf, type SummaryRow } from './present.ts';

/** A query of at most this many words also matches titles by trigram (a half-typed or misspelt title). */
const SHORT_QUERY_WORDS = 3;
const CONFIGS: Record<TKbLanguage, string> = { ru: 'russian', it: 'italian', en: 'english' };

export type SearchHit = SummaryRow & { headline: string | null };
export type SearchResult = { hits: SearchHit[]; total: number; correctedQuery: string | null };

/**
 * The query as a tsquery: stemmed in the one language asked for, or in all three at once (an
 * article's `search` is stemmed in its own language, and one OR of the three keeps to the GIN index).
 */
function tsqueryOf(q: string, language: TKbLanguage | undefined): SQL {
  if (language) return sql`websearch_to_tsquery(${CONFIGS[language]}::regconfig, ${q})`;
  return sql`(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('italian', ${q}) || websearch_to_tsquery('english', ${q}))`;
}

/**
 * One page of articles matching `q` among those `where` allows, best first: those whose title
 * holds the words, then (short queries only) those whose title is like the query by trigram, by
 * how alike, then those with the words in the answer or the text; `ts_rank` orders within. The
 * page and the total come in one statement, with the page's texts; their passages are made here
 * (see passagesOf).
 */
async function searchOnce(
  db: Executor,
  workspaceId: string,
  where: SQL,
  q: string,
  options: { language: TKbLanguage | undefined; limit: number; offset: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const lowered = q.toLowerCase();
  const short = q.split(/\s+/).filter(Boolean).length <= SHORT_QUERY_WORDS;
  // Written as the index condition reads (`%>` is `<%` turned round), so that the planner does not
  // check every match again; word_similarity lowers both texts itself.
  const titleMatch = short ? sql`OR lower(${kbArticles.title}) %> ${lowered}` : sql``;
  // Ranking every match took most of a search's time: ts_rank_cd over the three languages' query,
  // and word_similarity over every title (Cyrillic ones the slowest), so the first gave way to
  // ts_rank and the second is worked out only for the titles found by trigram alone (0.6 to 1,
  // between the other two kinds of match: ts_rank without a title match stays under 0.5).
  const wordsScore = sql`ts_rank(${kbArticles.search}, query.tsq, 1)
    + CASE WHEN ts_filter(${kbArticles.search}, '{a}') @@ query.tsq THEN 1 ELSE 0 END`;
  const score = short
    ? sql`CASE WHEN ${kbArticles.search} @@ query.tsq THEN ${wordsScore} ELSE word_similarity(${lowered}, ${kbArticles.title}) END`
    : wordsScore;
  const result = await db.execute<{
    id: string;
    title: string;
    answer: string;
    category_id: string | null;
    category_name: string | null;
    language: TKbLanguage;
    audience: SearchHit['audience'];
    status: SearchHit['status'];
    tags: string[];
    version: number;
    helpful_yes: number;
    helpful_no: number;
    use_count: number;
    updated_at: string;
    text: string;
    tsquery: string;
    total: string;
  }>(sql`WITH query AS MATERIALIZED (SELECT ${tsqueryOf(q, options.language)} AS tsq),
    hits AS (
      SELECT ${kbArticles.id} AS id,
        ${score} AS score
      FROM ${kbArticles}, query
      -- The tsquery is written out here (not taken from the CTE) so that the planner matches it with the GIN index.
      WHERE ${where} AND (${kbArticles.search} @@ ${tsqueryOf(q, options.language)} ${titleMatch})),
    page AS (
      SELECT id, score, count(*) OVER () AS total FROM hits ORDER BY score DESC, id LIMIT ${options.limit + 1} OFFSET ${options.offset})
    SELECT ${kbArticles.id} AS id, ${kbArticles.title} AS title,
      coalesce(${kbArticles.answer}, left(${kbArticles.plainText}, 1000)) AS answer,
      ${kbArticles.categoryId} AS category_id, ${kbCategories.name} AS category_name,
      ${kbArticles.language} AS language, ${kbArticles.audience} AS audience, ${kbArticles.status} AS status,
      ${kbArticles.tags} AS tags, ${kbArticles.version} AS version, ${kbArticles.helpfulYes} AS helpful_yes,
      ${kbArticles.helpfulNo} AS helpful_no, ${kbArticles.useCount} AS use_count, ${kbArticles.updatedAt} AS updated_at,
      coalesce(nullif(${kbArticles.plainText}, ''), ${kbArticles.answer}, '') AS text, query.tsq::text AS tsquery,
      page.total
    FROM page
    JOIN ${kbArticles} ON ${kbArticles.workspaceId} = ${workspaceId} AND ${kbArticles.id} = page.id
    LEFT JOIN ${kbCategories} ON ${kbCategories.workspaceId} = ${kbArticles.workspaceId} AND ${kbCategories.id} = ${kbArticles.categoryId},
    query
    ORDER BY page.score DESC, page.id`);
  const rows = result.rows;
  const passages = await passagesOf(db, rows.slice(0, options.limit), lexemesOf(rows[0]?.tsquery ?? ''));
  return {
    hits: rows.map((row, i) => ({
      id: row.id,
      title: row.title,
      answer: row.answer,
      categoryId: row.category_id,
      categoryName: row.category_name,
      language: row.language,
      audience: row.audience,
      status: row.status,
      tags: row.tags,
      version: row.version,
      helpfulYes: row.helpful_yes,
      helpfulNo: row.helpful_no,
      useCount: row.use_count,
      updatedAt: row.updated_at,
      headline: passages[i] ?? null,
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * The lexemes of words already stemmed, by language and word (null: none), kept for the next
 * searches: a page's words are mostly the same from one search to the next. Emptied when full.
 */
const stemmed = new Map<string, string[] | null>();
const STEMMED_WORDS = 20_000;

/**
 * The passages of a page's texts (see passage.ts): the words of each text that could match are
 * stemmed in the text's language (in one statement, those not stemmed before), and those whose
 * lexemes are among the query's are marked.
 */
async function passagesOf(db: Executor, texts: { language: TKbLanguage; text: string }[], lexemes: string[]) {
  const cut = wordCutter(lexemes);
  const pages = texts.map(({ language, text }) => ({ language, words: cut(text) }));
  const known = new Map<string, string[] | null>();
  const asked = new Map<string, { language: TKbLanguage; word: string }>();
  for (const { language, words } of pages) {
    for (const word of words.candidates.values()) {
      const key = `${language}:${word}`;
      const cached = stemmed.get(key);
      if (cached === undefined) asked.set(key, { language, word });
      else known.set(key, cached);
    }
  }
  if (asked.size > 0) {
    const words = [...asked.values()];
    const result = await db.execute<{ language: TKbLanguage; word: string; lexemes: string[] }>(sql`SELECT x.language, x.word,
        tsvector_to_array(to_tsvector(${configOf(sql`x.language`)}, x.word)) AS lexemes
      FROM unnest(${sql.param(words.map((w) => w.language))}::text[], ${sql.param(words.map((w) => w.word))}::text[]) AS x(language, word)`);
    if (stemmed.size + result.rows.length > STEMMED_WORDS) stemmed.clear();
    for (const row of result.rows) {
      const key = `${row.language}:${row.word}`;
      const found = row.lexemes.length > 0 ? row.lexemes : null;
      known.set(key, found);
      stemmed.set(key, found);
    }
  }
  const wanted = new Set(lexemes);
  const keyOf = (language: TKbLanguage, word: string) => known.get(`${language}:${word}`)?.find((lexeme) => wanted.has(lexeme));
  return pages.map(({ language, words }) => passageOf(words, (word) => keyOf(language, word)));
}

const WORD = /\p{L}{3,40}/gu;

/**
 * The base's own word for each query word it does not know: a word is known when the base holds
 * it or a word with the same stem (so an inflected form is never "corrected"); an unknown one is
 * replaced by the most similar known word (trigram similarity over kb_word, the most used first
 * among equals). Words without a near neighbour stay as they are.
 */
async function corrections(db: Executor, workspaceId: string, words: string[], language: TKbLanguage | undefined) {
  const inLanguage = language ? sql`AND k.language = ${language}` : sql``;
  const languages = language ? [language] : ['ru', 'it', 'en'];
  // A word the base holds as such is found by primary key; only the others take the trigram index.
  const result = await db.execute<{ word: string; known: boolean; nearest: string | null }>(sql`SELECT w.word, w.known,
      CASE WHEN w.known THEN NULL ELSE (SELECT k.word FROM kb_word k WHERE k.workspace_id = ${workspaceId} ${inLanguage}
        AND k.word % w.word ORDER BY similarity(k.word, w.word) DESC, k.articles DESC, k.word LIMIT 1) END AS nearest
    FROM (SELECT q.word,
        EXISTS (SELECT 1 FROM kb_word k WHERE k.workspace_id = ${workspaceId} AND k.language = ANY(${sql.param(languages)}::text[])
          AND k.word = q.word)
        OR EXISTS (SELECT 1 FROM kb_word k WHERE k.workspace_id = ${workspaceId} ${inLanguage} AND k.word % q.word
          AND to_tsvector(${configOf(sql`k.language`)}, k.word) @@ plainto_tsquery(${configOf(sql`k.language`)}, q.word)) AS known
      FROM unnest(${sql.param(words)}::text[]) AS q(word)) AS w`);
  const fixed = new Map<string, string>();
  for (const row of result.rows) if (!row.known && row.nearest && row.nearest !== row.word) fixed.set(row.word, row.nearest);
  return fixed;
}

/** Reads a search cursor (an offset into the ranked matches). */
function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
    throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  return offset;
}

const cursorAt = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

/**
 * Searches the articles `where` allows. Query words the base does not know are first corrected to
 * its nearest words, and the corrected query is searched; `correctedQuery` is given only when that
 * found something (else the query runs as typed), so a correction never reveals a word of an
 * article the reader may not see. Results are paged by offset (`cursor`): relevance has no stable
 * key to page on. Two statements in all, three when a correction finds nothing, and one more when
 * the page holds words not stemmed before (for its passages).
 */
export async function searchArticles(
  db: Executor,
  workspaceId: string,
  where: SQL,
  query: { q: string; language: TKbLanguage | undefined; limit: number; cursor?: string | undefined },
): Promise<SearchResult & { nextCursor: string | null }> {
  const offset = offsetOf(query.cursor);
  const options = { language: query.language, limit: query.limit, offset };
  const words = [...new Set(query.q.toLowerCase().match(WORD) ?? [])];
  const fixed = words.length > 0 ? await corrections(db, workspaceId, words, query.language) : new Map<string, string>();
  let found: { hits: SearchHit[]; total: number } | null = null;
  let correctedQuery: string | null = null;
  if (fixed.size > 0) {
    const corrected = query.q.replace(/\p{L}+/gu, (word) => fixed.get(word.toLowerCase()) ?? word);
    const tried = await searchOnce(db, workspaceId, where, corrected, options);
    if (tried.total > 0) {
      found = tried;
      correctedQuery = corrected;
    }
  }
  found ??= await searchOnce(db, workspaceId, where, query.q, options);
  const hits = found.hits.slice(0, query.limit);
  const nextCursor = found.hits.length > query.limit ? cursorAt(offset + query.limit) : null;
  return { hits, total: found.total, correctedQuery, nextCursor };
}
