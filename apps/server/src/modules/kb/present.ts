import type { TKbArticleSummary } from '@clientela/contract';
import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { kbArticles, kbCategories } from './kb.table.ts';

/** How much of the body stands in for a missing answer in lists and search results. */
const PREVIEW_CHARS = 1_000;

/** The text-search configuration of an article's language (as the `search` column is built). */
export const configOf = (language: SQL | SQLWrapper | string) =>
  sql`(CASE ${language} WHEN 'ru' THEN 'russian' WHEN 'it' THEN 'italian' ELSE 'english' END)::regconfig`;

/** The columns a summary (list row, search result) is made of; with `kb_category` left-joined. */
export const summaryColumns = {
  id: kbArticles.id,
  title: kbArticles.title,
  answer: sql<string>`coalesce(${kbArticles.answer}, left(${kbArticles.plainText}, ${PREVIEW_CHARS}))`.as('preview'),
  categoryId: kbArticles.categoryId,
  categoryName: kbCategories.name,
  language: kbArticles.language,
  audience: kbArticles.audience,
  status: kbArticles.status,
  tags: kbArticles.tags,
  version: kbArticles.version,
  helpfulYes: kbArticles.helpfulYes,
  helpfulNo: kbArticles.helpfulNo,
  useCount: kbArticles.useCount,
  updatedAt: kbArticles.updatedAt,
};

/** The join that names an article's category. */
export const categoryJoin = and(eq(kbCategories.workspaceId, kbArticles.workspaceId), eq(kbCategories.id, kbArticles.categoryId));

export type SummaryRow = {
  id: string;
  title: string;
  answer: string;
  categoryId: string | null;
  categoryName: string | null;
  language: TKbArticleSummary['language'];
  audience: TKbArticleSummary['audience'];
  status: TKbArticleSummary['status'];
  tags: string[];
  version: number;
  helpfulYes: number;
  helpfulNo: number;
  useCount: number;
  updatedAt: Date | string;
};

/** A summary as the API shows it. */
export function presentSummary(row: SummaryRow, headline: string | null = null): TKbArticleSummary {
  return {
    id: row.id,
    title: row.title,
    answer: row.answer,
    category: row.categoryId && row.categoryName !== null ? { id: row.categoryId, name: row.categoryName } : null,
    language: row.language,
    audience: row.audience,
    status: row.status,
    tags: row.tags,
    version: row.version,
    helpfulYes: row.helpfulYes,
    helpfulNo: row.helpfulNo,
    useCount: row.useCount,
    updatedAt: new Date(row.updatedAt).toISOString(),
    headline,
  };
}
